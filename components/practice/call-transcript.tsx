'use client';

import { memo, useMemo } from 'react';
import type { LiveTag } from '@/lib/practice/call/call-store';
import { useCallRealtime, useCallStore } from '@/lib/practice/call/use-practice-call';
import { displayText } from '@/lib/realtime/store/transcript';
import { TurnTagChips } from './turn-tag-chips';
import { usePinnedScroll } from './use-pinned-scroll';

const Row = memo(function Row({ id, personaName, tag }: { id: string; personaName: string; tag: LiveTag | undefined }) {
  const item = useCallRealtime((s) => s.transcript.byId[id]);
  if (!item) return null;
  const mine = item.role === 'user';
  const text = displayText(item);
  return (
    <li data-testid="transcript-item" data-role={item.role} data-status={item.status} className={`flex flex-col gap-1 ${mine ? 'items-end' : 'items-start'}`}>
      <span className="flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-500">
        {mine ? 'You' : personaName}
        {mine && item.source === 'text' ? <span className="normal-case text-slate-400">typed</span> : null}
        {item.status === 'incomplete' ? <span className="normal-case text-amber-700">cut off</span> : null}
        {item.status === 'in_progress' ? <span aria-label={mine ? 'still listening' : 'still speaking'}>…</span> : null}
      </span>
      <p
        className={`max-w-[85%] whitespace-pre-wrap rounded-2xl px-4 py-2 text-base leading-7 ${
          mine ? 'rounded-br-sm bg-cue text-white' : 'rounded-bl-sm bg-slate-100 text-slate-900'
        }`}
      >
        {text || <span className="italic opacity-70">{mine ? 'Listening…' : '…'}</span>}
      </p>
      {tag ? <TurnTagChips tag={tag} /> : null}
    </li>
  );
});

/** The call so far: you on the right, the client on the left, each client turn with its tag. */
export function CallTranscript({ personaName }: { personaName: string }) {
  const order = useCallRealtime((s) => s.transcript.order);
  const hidden = useCallStore((s) => s.hiddenItemIds);
  const tags = useCallStore((s) => s.tags);
  const tagByItem = useMemo(() => new Map(tags.flatMap((t) => (t.itemId ? [[t.itemId, t] as const] : []))), [tags]);
  const visible = useMemo(() => {
    const hide = new Set(hidden);
    return order.filter((id) => !hide.has(id));
  }, [order, hidden]);
  const lastLength = useCallRealtime((s) => {
    const last = s.transcript.order.at(-1);
    const item = last ? s.transcript.byId[last] : undefined;
    return item ? displayText(item).length : 0;
  });
  const { ref, onScroll } = usePinnedScroll<HTMLDivElement>(`${visible.length}:${lastLength}:${tags.length}`);

  return (
    <div ref={ref} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto p-4">
      {visible.length === 0 ? <p className="py-12 text-center text-sm text-slate-500">{personaName} is about to speak…</p> : null}
      <ol data-testid="transcript" aria-label="Transcript" className="space-y-4">
        {visible.map((id) => (
          <Row key={id} id={id} personaName={personaName} tag={tagByItem.get(id)} />
        ))}
      </ol>
    </div>
  );
}
