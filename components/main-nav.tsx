'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/live', label: 'Live assistant' },
  { href: '/practice', label: 'Practice' },
  { href: '/history', label: 'History' },
  { href: '/assist', label: 'Agent assist' },
  { href: '/phone', label: 'Phone' },
] as const;

/** A section is current on its own page and every page under it (/practice/call/…, /history/…). */
function isCurrentSection(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

const focus = 'rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-cue/60 focus-visible:ring-offset-2';

type Account = { name: string; role: 'member' | 'coach' | 'admin' };

/** The top nav; the current section is marked (aria-current and an underline). Signed out, only the brand shows. */
export function MainNav({ account }: { account: Account | null }) {
  const pathname = usePathname() ?? '/';
  const links = account ? (account.role === 'admin' ? [...LINKS, { href: '/admin', label: 'Admin' } as const] : LINKS) : [];
  return (
    <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 px-4 text-sm" aria-label="Main">
      <Link href="/" aria-current={pathname === '/' ? 'page' : undefined} className={`py-3 text-base font-semibold text-cue ${focus}`}>
        Cue
      </Link>
      {links.map(({ href, label }) => {
        const current = isCurrentSection(pathname, href);
        return (
          <Link
            key={href}
            href={href}
            data-testid={`nav-${href.slice(1)}`}
            aria-current={current ? 'page' : undefined}
            className={`-mb-px border-b-2 py-3 ${focus} ${current ? 'border-cue font-semibold text-cue' : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-cue'}`}
          >
            {label}
          </Link>
        );
      })}
      {account ? (
        <Link
          href="/account"
          data-testid="nav-account"
          aria-current={pathname === '/account' ? 'page' : undefined}
          className={`ml-auto max-w-48 truncate py-3 text-slate-700 hover:text-cue ${focus}`}
          title="Your account: password, data, sign out"
        >
          {account.name}
          {account.role !== 'member' ? <span className="ml-1 text-xs text-slate-500">({account.role})</span> : null}
        </Link>
      ) : null}
    </nav>
  );
}
