import Link from 'next/link';
import type { PracticeSessionPage } from '@/lib/contracts/practice-session';
import { historyHref } from '@/lib/practice/history/history-url';

const linkClass = 'rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50';
const idleClass = 'rounded-lg border border-slate-200 px-3 py-1.5 text-slate-400';

/** Newer / older page links for the session list; the scenario and person filters stay in the URL. */
export function Pager({ page, scenario, person = null }: { page: PracticeSessionPage; scenario: string | null; person?: string | null }) {
  if (page.pageCount <= 1) return null;
  const from = (page.page - 1) * page.pageSize + 1;
  const to = Math.min(page.total, page.page * page.pageSize);
  return (
    <nav aria-label="Session pages" data-testid="pager" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      {page.page > 1 ? (
        <Link href={historyHref({ scenario, person, page: page.page - 1 })} data-testid="pager-newer" rel="prev" className={linkClass}>
          ← Newer
        </Link>
      ) : (
        <span className={idleClass}>← Newer</span>
      )}
      <span data-testid="pager-status" className="text-slate-600">
        {from}–{to} of {page.total.toLocaleString('en-GB')} · page {page.page} of {page.pageCount}
      </span>
      {page.page < page.pageCount ? (
        <Link href={historyHref({ scenario, person, page: page.page + 1 })} data-testid="pager-older" rel="next" className={linkClass}>
          Older →
        </Link>
      ) : (
        <span className={idleClass}>Older →</span>
      )}
    </nav>
  );
}
