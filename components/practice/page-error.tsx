import Link from 'next/link';

/** A page that could not load its data: what happened and where to go instead. */
export function PageError({ title, message, backHref = '/practice', backLabel = 'Back to practice' }: { title: string; message: string; backHref?: string; backLabel?: string }) {
  return (
    <section role="alert" data-testid="page-error" className="rounded-xl border border-rose-200 bg-rose-50 p-6 text-rose-900">
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="mt-2 text-sm">{message}</p>
      <Link href={backHref} className="mt-4 inline-block rounded-lg border border-rose-300 px-4 py-2 text-sm font-medium hover:bg-rose-100">
        {backLabel}
      </Link>
    </section>
  );
}
