import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { readAssistKnowledge } from '@/app/actions/assist';
import { PageError } from '@/components/practice/page-error';
import { KnowledgeArticle } from '@/components/assist/knowledge-article';
import { requireActor } from '@/lib/server/auth/page-access';

export const metadata: Metadata = { title: 'Knowledge base — Cue' };
export const dynamic = 'force-dynamic';

/** A policy or knowledge article the assistant cited, read from its row, so a source is a page the agent can open. */
export default async function KnowledgePage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const { kind, id } = await params;
  await requireActor(`/assist/kb/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`);
  const doc = await readAssistKnowledge({ kind, id });
  if (!doc.ok) {
    if (doc.error.code === 'not_found' || doc.error.code === 'invalid_input') notFound();
    return <PageError title="This page could not be loaded" message={doc.error.message} backHref="/assist" backLabel="Back to agent assist" />;
  }
  return (
    <div className="space-y-3">
      <Link href="/assist" className="text-sm text-cue hover:underline">
        ← Agent assist
      </Link>
      <KnowledgeArticle doc={doc.data} />
    </div>
  );
}
