import { notFound } from 'next/navigation';
import { ARTICLES, POLICIES } from '@/lib/assist/demo/knowledge';
import { requireActor } from '@/lib/server/auth/page-access';

/** A policy or knowledge article the assistant cited, so a source is a link the agent can open. */

export default async function KnowledgePage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const { kind, id } = await params;
  await requireActor(`/assist/kb/${kind}/${id}`);
  const doc = kind === 'policies' ? POLICIES.find((p) => p.id === id) : kind === 'articles' ? ARTICLES.find((a) => a.id === id) : undefined;
  if (!doc) notFound();
  return (
    <article className="max-w-2xl">
      <p className="text-xs uppercase tracking-wide text-slate-500">{kind === 'policies' ? 'Policy' : 'Knowledge article'}</p>
      <h1 className="text-xl font-semibold text-slate-900">{doc.title}</h1>
      <p className="mt-3 text-slate-800">{doc.body}</p>
    </article>
  );
}
