'use client';

import { memo } from 'react';
import { displayText } from '@/lib/realtime/transcript';
import type { TranscriptItem } from '@/lib/realtime/types';
import { useRealtimeStore } from '@/lib/realtime/use-realtime-store';
import { useStickToBottom } from './use-stick-to-bottom';

const ROLE_LABEL = { user: 'You', assistant: 'Cue' } as const;

function StatusNote({ item }: { item: TranscriptItem }) {
  if (item.status === 'incomplete') return <span className="text-xs text-amber-700">cut off</span>;
  if (item.status === 'in_progress') {
    return (
      <span className="text-xs text-slate-400" aria-label={item.role === 'user' ? 'still listening' : 'still speaking'}>
        …
      </span>
    );
  }
  return null;
}

/** One row; subscribes to its own item so a delta re-renders only this row. */
const TranscriptRow = memo(function TranscriptRow({ id }: { id: string }) {
  const item = useRealtimeStore((s) => s.transcript.byId[id]);
  if (!item) return null;
  const text = displayText(item);
  const mine = item.role === 'user';
  return (
    <li
      data-testid="transcript-item"
      data-role={item.role}
      data-status={item.status}
      className={`flex flex-col gap-1 ${mine ? 'items-end' : 'items-start'}`}
    >
      <span className="flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-500">
        {ROLE_LABEL[item.role]}
        {item.source === 'text' && mine && <span className="normal-case text-slate-400">typed</span>}
        <StatusNote item={item} />
      </span>
      <p
        className={`max-w-[85%] whitespace-pre-wrap rounded-2xl px-4 py-2 text-base leading-7 ${
          mine ? 'rounded-br-sm bg-cue text-white' : 'rounded-bl-sm bg-slate-100 text-slate-900'
        } ${item.text ? '' : 'opacity-80'}`}
      >
        {text || <span className="italic opacity-70">{mine ? 'Listening…' : 'Thinking…'}</span>}
      </p>
    </li>
  );
});

/** The conversation, user right and assistant left, newest at the bottom, auto-scrolling while pinned. */
export function TranscriptView() {
  const order = useRealtimeStore((s) => s.transcript.order);
  const lastText = useRealtimeStore((s) => {
    const last = s.transcript.order[s.transcript.order.length - 1];
    const item = last ? s.transcript.byId[last] : undefined;
    return item ? displayText(item) : '';
  });
  const { ref, onScroll } = useStickToBottom<HTMLDivElement>(`${order.length}:${lastText.length}`);

  return (
    <div ref={ref} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto p-4">
      {order.length === 0 ? (
        <p className="py-12 text-center text-sm text-slate-500">
          Connect, then speak or type. What you say and the assistant&apos;s replies appear here.
        </p>
      ) : null}
      <ol data-testid="transcript" aria-label="Transcript" className="space-y-4">
        {order.map((id) => (
          <TranscriptRow key={id} id={id} />
        ))}
      </ol>
    </div>
  );
}
