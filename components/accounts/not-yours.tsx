import Link from 'next/link';

/** Shown instead of a session, meeting or scenario that belongs to another account. */
export function NotYours({ what, message, backHref, backLabel }: { what: string; message: string; backHref: string; backLabel: string }) {
  return (
    <section role="alert" data-testid="not-yours" className="rounded-xl border border-amber-200 bg-amber-50 p-6 text-amber-950">
      <h1 className="text-lg font-semibold">This {what} is not yours</h1>
      <p className="mt-2 text-sm">{message} Only its owner (and, for practice sessions, their team&apos;s coach) can open it.</p>
      <Link href={backHref} className="mt-4 inline-block rounded-lg border border-amber-300 px-4 py-2 text-sm font-medium hover:bg-amber-100">
        {backLabel}
      </Link>
    </section>
  );
}
