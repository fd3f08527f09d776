'use client';

import Link from 'next/link';

/** Anything unexpected on a page: words and a way on, never a blank screen. */
export function RouteError({ error, reset, back }: { error: Error & { digest?: string }; reset: () => void; back: { href: string; label: string } }) {
  return (
    <section role="alert" data-testid="route-error" className="rounded-xl border border-rose-200 bg-rose-50 p-6 text-rose-900">
      <h1 className="text-lg font-semibold">Something went wrong on this page</h1>
      <p className="mt-2 text-sm">
        {error.digest ? `The server reported an error (reference ${error.digest}).` : error.message || 'An unexpected error occurred.'} Anything already
        said in a call is saved.
      </p>
      <div className="mt-4 flex gap-2">
        <button type="button" onClick={reset} className="rounded-lg bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800">
          Try again
        </button>
        <Link href={back.href} className="rounded-lg border border-rose-300 px-4 py-2 text-sm font-medium hover:bg-rose-100">
          {back.label}
        </Link>
      </div>
    </section>
  );
}
