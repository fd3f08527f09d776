/** Small display helpers for the phone pages. */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC';
}

export const STATUS_LABEL: Record<string, string> = { in_progress: 'In progress', completed: 'Completed', transferred: 'Transferred', failed: 'Failed' };

export const STATUS_CLASS: Record<string, string> = {
  in_progress: 'bg-emerald-100 text-emerald-800',
  completed: 'bg-slate-100 text-slate-700',
  transferred: 'bg-sky-100 text-sky-800',
  failed: 'bg-rose-100 text-rose-800',
};
