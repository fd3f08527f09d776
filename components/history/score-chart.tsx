import { chartSegments, pickLabels, SCORE_PLOT, scoreY, xPercent } from '@/lib/practice/history/chart-geometry';
import type { ScorePoint } from '@/lib/contracts/practice-session';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';

const PASS_MARK = 7;
const DIFFICULTY_COLOR = { easy: '#10b981', medium: '#f59e0b', hard: '#e11d48' } as const;
/** At most this many x labels: they stay apart on the narrowest plot (about 280 px at a 390 px screen)… */
const MAX_X_LABELS = 6;
/** …and, on a detailed chart, this many from the sm breakpoint (640 px) up; the extra ones are hidden below it. */
const MAX_X_LABELS_WIDE = 12;

function shortDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

/**
 * Score per scored attempt, oldest left; first and best marked, pass mark dashed. Hand-written
 * SVG as wide as its container: x in percent, text in real pixels, so labels stay readable
 * on a phone. A bounded series (the latest attempts plus the first and the best) bridges the
 * attempts it leaves out with a dashed line. Scores are written above the labelled points and the best.
 */
export function ScoreChart({ points, total, title, detailed = false }: { points: readonly ScorePoint[]; total: number; title: string; detailed?: boolean }) {
  if (points.length === 0) {
    return <p className="rounded-lg bg-slate-50 p-4 text-sm text-slate-500">No scored attempts yet: end a call in which you speak to get a score.</p>;
  }
  const n = points.length;
  const best = Math.max(...points.map((p) => p.score));
  const bestIndex = points.findIndex((p) => p.score === best);
  const plotted = points.map((p, i) => ({ x: xPercent(i, n), y: scoreY(p.score), attempt: p.attempt, datum: p }));
  const { solid, gaps } = chartSegments(plotted);
  const narrow = pickLabels(n, [0, n - 1, bestIndex], MAX_X_LABELS);
  const labelled = new Set(detailed ? pickLabels(n, narrow, MAX_X_LABELS_WIDE) : narrow);
  const wideOnly = (i: number) => (narrow.includes(i) ? undefined : 'max-sm:hidden');
  const valued = (i: number) => labelled.has(i) || i === bestIndex;
  const { height } = SCORE_PLOT;
  const axisY = scoreY(0);
  const passY = scoreY(PASS_MARK);
  const dotRadius = n > 20 ? 3.5 : 5;
  const bounded = n < total;
  const label = `${title}: ${bounded ? `the latest of ${total} scored attempts, with the first and the best; ` : ''}scores ${points.map((p) => p.score).join(', ')} out of 10`;

  return (
    <figure className="w-full min-w-0" data-testid="score-chart" data-points={n} data-total={total}>
      <div className="pl-7 pr-4 sm:pl-8 sm:pr-5">
        <svg width="100%" height={height} overflow="visible" role="img" aria-label={label} className="block overflow-visible">
          {[0, 2, 4, 6, 8, 10].map((v) => (
            <g key={v}>
              <line x1="0" x2="100%" y1={scoreY(v)} y2={scoreY(v)} stroke="#e2e8f0" strokeWidth={1} />
              <text x={-8} y={scoreY(v) + 4} textAnchor="end" fontSize={11} fill="#64748b">
                {v}
              </text>
            </g>
          ))}
          <line x1="0" x2="100%" y1={passY} y2={passY} stroke="#6366f1" strokeDasharray="5 4" strokeWidth={1} />
          <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" width="100%" height={height} overflow="visible" aria-hidden>
            <path d={solid} fill="none" stroke="#4f46e5" strokeWidth={2.5} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
            {gaps ? <path d={gaps} fill="none" stroke="#a5b4fc" strokeWidth={2} strokeDasharray="3 4" vectorEffect="non-scaling-stroke" /> : null}
          </svg>
          <g stroke="#fff" strokeWidth={2}>
            {plotted.map((p, i) => (
              <g key={p.datum.sessionId} data-testid="score-point" data-score={p.datum.score} data-attempt={p.datum.attempt}>
                <title>{`Attempt ${p.datum.attempt}, ${shortDate(p.datum.startedAt)}, ${DIFFICULTY_PROFILES[p.datum.difficulty].label}: ${p.datum.score}/10`}</title>
                <circle cx={`${p.x}%`} cy={p.y} r={i === bestIndex ? dotRadius + 2 : dotRadius} fill={DIFFICULTY_COLOR[p.datum.difficulty]} />
              </g>
            ))}
          </g>
          <g textAnchor="middle" fontSize={12} fontWeight={600} fill="#0f172a" aria-hidden>
            {plotted.map((p, i) =>
              valued(i) ? (
                <text key={p.datum.sessionId} x={`${p.x}%`} y={p.y - 11} className={i === bestIndex ? undefined : wideOnly(i)}>
                  {p.datum.score}
                </text>
              ) : null,
            )}
          </g>
          <g textAnchor="middle" fontSize={11} aria-hidden>
            {plotted.map((p, i) =>
              labelled.has(i) ? (
                <g key={p.datum.sessionId} className={wideOnly(i)}>
                  <text x={`${p.x}%`} y={axisY + 18} fill="#475569">
                    {`#${p.datum.attempt}`}
                  </text>
                  <text x={`${p.x}%`} y={axisY + 33} fill="#94a3b8">
                    {shortDate(p.datum.startedAt)}
                  </text>
                </g>
              ) : null,
            )}
          </g>
        </svg>
      </div>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
        {(['easy', 'medium', 'hard'] as const).map((d) => (
          <span key={d} className="inline-flex items-center gap-1">
            <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: DIFFICULTY_COLOR[d] }} />
            {DIFFICULTY_PROFILES[d].label}
          </span>
        ))}
        <span>Larger dot = best attempt. Dashed line = pass mark {PASS_MARK}.</span>
        {bounded ? (
          <span data-testid="score-chart-bounded">
            Showing {n} of {total} scored attempts: the latest, the first and the best{gaps ? ' (dashed where attempts are left out)' : ''}.
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
