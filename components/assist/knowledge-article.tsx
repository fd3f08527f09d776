import type { KnowledgeDoc } from '@/lib/assist/demo/knowledge';

const POLICY_KIND = { returns: 'Returns', refunds: 'Refunds', warranty: 'Warranty', shipping: 'Shipping', sla: 'Service levels' } as const;

/** A policy or knowledge article as a page: what it is, its title, its body in paragraphs. */
export function KnowledgeArticle({ doc }: { doc: KnowledgeDoc }) {
  const paragraphs = doc.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <article data-testid="kb-article" data-kind={doc.kind} data-id={doc.id} className="max-w-2xl rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {doc.kind === 'policies' ? `Policy${doc.policyKind ? ` · ${POLICY_KIND[doc.policyKind]}` : ''}` : 'Knowledge article'}
      </p>
      <h1 data-testid="kb-title" className="mt-1 text-xl font-semibold text-slate-900">{doc.title}</h1>
      <div data-testid="kb-body" className="mt-3 space-y-3 leading-7 text-slate-800">
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </article>
  );
}
