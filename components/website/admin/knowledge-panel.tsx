'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ingestKnowledgeAction, tryQuestionAction } from '@/app/actions/website';
import type { KnowledgeHit } from '@/lib/contracts/website';

type PageResult = { url: string; ok: true; title: string; counts: { added: number; updated: number; unchanged: number; removed: number } } | { url: string; ok: false; reason: string };
const input = 'mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/** Ingest pages (URLs, sitemaps, uploaded HTML/Markdown) and try a question against the knowledge base. */
export function KnowledgePanel({ siteId }: { siteId: string }) {
  const router = useRouter();
  const [results, setResults] = useState<PageResult[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hits, setHits] = useState<KnowledgeHit[] | null>(null);

  const ingest = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const urls = String(f.get('urls') ?? '').split(/\s+/).filter(Boolean);
    const files = await Promise.all(
      (f.getAll('files') as File[]).filter((file) => file.size > 0).map(async (file) => ({ name: file.name, text: await file.text() })),
    );
    setBusy(true);
    const result = await ingestKnowledgeAction({ siteId, urls, files });
    setBusy(false);
    if (!result.ok) {
      setMessage([result.error.message, ...(result.error.fieldErrors ?? []).map((e) => `${e.path}: ${e.message}`)].join(' '));
      setResults([]);
      return;
    }
    setMessage(null);
    setResults(result.data);
    router.refresh();
  };

  const ask = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const question = String(new FormData(event.currentTarget).get('question') ?? '');
    const result = await tryQuestionAction({ siteId, question });
    if (!result.ok) setMessage(result.error.fieldErrors?.[0]?.message ?? result.error.message);
    else setHits(result.data);
  };

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form onSubmit={(e) => void ingest(e)} className="space-y-3" data-testid="ingest-form">
        <h3 className="font-semibold">Add pages</h3>
        <label className="block text-sm font-medium">
          Page or sitemap URLs (one per line)
          <textarea name="urls" rows={3} className={`${input} font-mono`} placeholder="https://example.com/sitemap.xml" />
        </label>
        <label className="block text-sm font-medium">
          Or upload HTML / Markdown files (≤ 1 MB each)
          <input name="files" type="file" multiple accept=".html,.htm,.md,.markdown" className="mt-1 block text-sm" />
        </label>
        <button type="submit" disabled={busy} className="rounded-lg bg-cue px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
          {busy ? 'Ingesting…' : 'Ingest'}
        </button>
        {message ? <p role="alert" className="text-sm text-red-700">{message}</p> : null}
        {results.length > 0 ? (
          <ul className="space-y-1 text-xs" data-testid="ingest-results">
            {results.map((r) => (
              <li key={r.url} className={r.ok ? 'text-slate-700' : 'text-red-700'}>
                <span className="font-mono">{r.url}</span>:{' '}
                {r.ok ? `${r.counts.added} added, ${r.counts.updated} updated, ${r.counts.unchanged} unchanged, ${r.counts.removed} removed` : r.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </form>
      <form onSubmit={(e) => void ask(e)} className="space-y-3" data-testid="try-question">
        <h3 className="font-semibold">Try a question</h3>
        <input name="question" className={input} placeholder="How much does the workshop cost?" />
        <button type="submit" className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold">
          Search
        </button>
        {hits ? (
          hits.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing matched: the assistant would say it does not know.</p>
          ) : (
            <ol className="list-decimal space-y-2 pl-5 text-sm" data-testid="try-hits">
              {hits.map((h) => (
                <li key={`${h.url}#${h.headingPath}`}>
                  <p className="font-medium">
                    {h.headingPath || h.title} <span className="text-xs text-slate-500">({h.rank.toFixed(3)})</span>
                  </p>
                  <p className="text-xs text-slate-500">{h.url}</p>
                  <p className="text-slate-700">{h.snippet.replace(/[«»]/g, '')}</p>
                </li>
              ))}
            </ol>
          )
        ) : null}
      </form>
    </div>
  );
}
