import type { SiteAnalytics } from '@/lib/contracts/website';

/**
 * A site's dashboard: the conversion funnel as bars (visits reaching each step, and the drop from
 * the step before), drop-off by conversation phase, why sessions were refused, how they ended,
 * durations and an estimated cost.
 */
/** How a conversation ended / why a session was refused, in words (unknown codes as they are). */
const ENDINGS: Record<string, string> = { visitor: 'visitor ended it', time_limit: 'time limit reached', lost: 'connection lost', closed: 'widget closed' };
const REFUSALS: Record<string, string> = {
  ip_rate_limited: 'per-visitor limit',
  site_rate_limited: 'per-site limit',
  budget_exhausted: 'daily budget used up',
  origin_not_allowed: 'website not allowed',
  site_disabled: 'site disabled',
  unavailable: 'model unavailable',
};
const PHASE_LABELS: Record<string, string> = { opening: 'Opening', discovery: 'Discovery', positioning: 'Positioning', conversion: 'Conversion', close: 'Close' };

/** Rough realtime audio cost per minute (gpt-realtime-mini class), for the estimate only. */
const ESTIMATED_USD_PER_MINUTE = 0.06;

export function AnalyticsPanel({ analytics, reservedSeconds }: { analytics: SiteAnalytics; reservedSeconds: number }) {
  const top = Math.max(1, ...analytics.funnel.map((f) => f.visits));
  const minutes = analytics.sessions.totalSeconds / 60;
  const ended = Math.max(1, ...analytics.dropOff.map((d) => d.count));
  return (
    <div className="grid gap-6 md:grid-cols-2" data-testid="analytics">
      <div>
        <h3 className="mb-2 font-semibold">Funnel (last 30 days, visits)</h3>
        <ul className="space-y-1 text-sm">
          {analytics.funnel.map((step, i) => {
            const before = i === 0 ? null : analytics.funnel[i - 1]?.visits ?? 0;
            const drop = before ? Math.round((1 - step.visits / before) * 100) : null;
            return (
              <li key={step.label}>
                <div className="flex justify-between text-xs text-slate-600">
                  <span>{step.label}</span>
                  <span>
                    {step.visits}
                    {drop !== null && drop > 0 ? ` (−${drop}%)` : ''}
                  </span>
                </div>
                <div className="h-3 rounded bg-slate-100">
                  <div className="h-3 rounded bg-cue" style={{ width: `${(step.visits / top) * 100}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
        <h3 className="mt-4 mb-2 font-semibold">Drop-off by phase (where conversations ended)</h3>
        <ul className="space-y-1 text-sm" data-testid="drop-off">
          {analytics.dropOff.map((d) => (
            <li key={d.phase}>
              <div className="flex justify-between text-xs text-slate-600">
                <span>{PHASE_LABELS[d.phase] ?? d.phase}</span>
                <span>{d.count}</span>
              </div>
              <div className="h-3 rounded bg-slate-100">
                <div className="h-3 rounded bg-amber-500" style={{ width: `${(d.count / ended) * 100}%` }} />
              </div>
            </li>
          ))}
        </ul>
      </div>
      <div className="space-y-3 text-sm">
        <div>
          <h3 className="font-semibold">Sessions</h3>
          <p>
            {analytics.sessions.count} ended · average {Math.floor(analytics.sessions.avgSeconds / 60)} min {analytics.sessions.avgSeconds % 60} s · {minutes.toFixed(1)} min in all
          </p>
          <p className="text-xs text-slate-600">
            Estimated cost ≈ ${(minutes * ESTIMATED_USD_PER_MINUTE).toFixed(2)} used, ≤ ${((reservedSeconds / 60) * ESTIMATED_USD_PER_MINUTE).toFixed(2)} reserved (at ${ESTIMATED_USD_PER_MINUTE}/min).
          </p>
          <p className="text-xs text-slate-600">
            Microphone denied: {analytics.micDenied} · fell back to text: {analytics.fallbacks}
          </p>
        </div>
        <div>
          <h3 className="font-semibold">How they ended</h3>
          <p className="text-xs">{analytics.endings.length === 0 ? 'None yet.' : analytics.endings.map((e) => `${ENDINGS[e.reason] ?? e.reason}: ${e.count}`).join(' · ')}</p>
        </div>
        <div>
          <h3 className="font-semibold">Refused</h3>
          <p className="text-xs" data-testid="refusals">
            {analytics.refusals.length === 0 ? 'None.' : analytics.refusals.map((r) => `${REFUSALS[r.code] ?? r.code}: ${r.count}`).join(' · ')}
          </p>
        </div>
      </div>
    </div>
  );
}
