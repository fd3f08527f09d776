/** Small shared pieces of the assist page. */

export const button = 'rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50';
export const primary = 'rounded-lg bg-cue px-3 py-1.5 text-sm font-semibold text-white hover:opacity-90 disabled:opacity-50';
export const danger = 'rounded-lg bg-rose-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-700 disabled:opacity-50';
export const input = 'w-full rounded-lg border border-slate-300 px-3 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-cue/50';

export function Panel({ title, children, testId, right }: { title: string; children: React.ReactNode; testId?: string; right?: React.ReactNode }) {
  return (
    <section data-testid={testId} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
        {right}
      </div>
      {children}
    </section>
  );
}

export function ErrorLine({ message, testId }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid={testId} className="mt-2 rounded-md bg-rose-50 px-2 py-1 text-xs text-rose-800">
      {message}
    </p>
  );
}

export const money = (cents: number, currency = 'USD') => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
export const shortDate = (iso: string) => new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
export const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;

/** Sentiment scores as a tiny bar chart (red below zero, green above). */
export function SentimentBars({ scores, testId }: { scores: readonly number[]; testId?: string }) {
  const shown = scores.slice(-20);
  return (
    <div data-testid={testId} className="flex h-8 items-center gap-0.5" aria-label={`Sentiment of the last ${shown.length} customer turns`}>
      {shown.length === 0 ? <span className="text-xs text-slate-400">No customer turns yet</span> : null}
      {shown.map((s, i) => (
        <span
          key={i}
          title={s.toFixed(2)}
          className={`w-2 rounded-sm ${s < -0.1 ? 'bg-rose-500' : s > 0.1 ? 'bg-emerald-500' : 'bg-slate-300'}`}
          style={{ height: `${Math.round(25 + Math.min(1, Math.abs(s)) * 75)}%` }}
        />
      ))}
    </div>
  );
}
