import Link from 'next/link';

/** Shown instead of a page that the signed-in account's role does not open (e.g. a member on the supervisor view). */
export function NotForRole({ what, needed, backHref, backLabel }: { what: string; needed: string; backHref: string; backLabel: string }) {
  return (
    <section role="alert" data-testid="not-for-role" className="rounded-xl border border-amber-200 bg-amber-50 p-6 text-amber-950">
      <h1 className="text-lg font-semibold">The {what} is not for your role</h1>
      <p className="mt-2 text-sm">Only {needed} can open it. An admin can change your role on the Admin page.</p>
      <Link href={backHref} className="mt-4 inline-block rounded-lg border border-amber-300 px-4 py-2 text-sm font-medium hover:bg-amber-100">
        {backLabel}
      </Link>
    </section>
  );
}
