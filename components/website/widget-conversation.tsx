'use client';

import { useStore } from 'zustand';
import { displayText } from '@/lib/realtime/store/transcript';
import type { RealtimeStore } from '@/lib/realtime/store/store';
import type { KnowledgeHit } from '@/lib/contracts/website';

/** The conversation as captions (voice) or chat (text), with the pages the last answer came from (EmbedWidget keeps the bottom in view). */
export function WidgetConversation({ realtimeStore, sources, color }: { realtimeStore: RealtimeStore; sources: readonly KnowledgeHit[]; color: string }) {
  const transcript = useStore(realtimeStore, (s) => s.transcript);
  const rows = transcript.order.map((id) => transcript.byId[id]).filter((r) => r && displayText(r).trim() !== '');
  return (
    <div className="space-y-2" data-testid="widget-conversation" aria-live="polite">
      {rows.map((row) =>
        row ? (
          <p
            key={row.id}
            data-role={row.role}
            className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm ${row.role === 'user' ? 'ml-auto bg-slate-100 text-slate-900' : 'text-white'}`}
            style={row.role === 'assistant' ? { background: color } : undefined}
          >
            {displayText(row)}
          </p>
        ) : null,
      )}
      {sources.length > 0 ? (
        <div data-testid="widget-sources" className="text-xs text-slate-600">
          <p className="font-medium">Sources</p>
          <ul className="list-disc pl-4">
            {sources.map((s) => (
              <li key={`${s.url}#${s.headingPath}`}>
                {/^(https?:\/\/|\/)/.test(s.url) ? (
                  <a href={s.url} target="_blank" rel="noopener noreferrer" className="underline hover:text-slate-900">
                    {s.headingPath || s.title}
                  </a>
                ) : (
                  <span>{s.headingPath || s.title} (uploaded document)</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
