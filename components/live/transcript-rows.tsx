'use client';

import { memo } from 'react';
import type { HintCard } from '@/lib/live/hints/hint-types';
import { interruptedText } from '@/lib/live/hints/hint-words';
import { displayText } from '@/lib/realtime/store/transcript';
import type { TranscriptRow as Row } from '@/lib/realtime/store/types';
import { useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';
import { useHintStore } from '@/lib/live/live-context';
import { rowChannel } from '@/lib/live/transcript/channels';


function StatusNote({ item }: { item: Row }) {
  if (item.status === 'incomplete') return <span className="text-xs normal-case text-amber-700">cut off</span>;
  if (item.status === 'in_progress') {
    return (
      <span className="text-xs text-slate-400" aria-label={item.role === 'user' ? 'still listening' : 'still speaking'}>
        …
      </span>
    );
  }
  return null;
}

const SOURCE_LABEL = { mic: 'mic', typed: 'typed', tab: 'tab audio' } as const;

function MessageRow({ item, meeting }: { item: Row; meeting: boolean }) {
  const mine = item.role === 'user';
  // A user row is "you" (mic or typed) or "them" (their tab's channel, or typed for them), by where it came from.
  const channel = mine ? rowChannel({ text: displayText(item), source: item.source }) : null;
  const text = channel ? channel.text : displayText(item);
  const them = channel?.channel === 'them';
  const showSource = channel && (meeting || them || channel.source === 'typed');
  return (
    <div
      data-testid="transcript-item"
      data-role={item.role}
      data-status={item.status}
      data-channel={channel?.channel ?? ''}
      className={`flex flex-col gap-1 ${mine ? 'items-start' : 'items-end'}`}
    >
      <span data-testid="row-label" className={`flex items-center gap-2 text-xs font-medium uppercase tracking-wide ${them ? 'text-violet-800' : 'text-slate-500'}`}>
        {mine ? (them ? 'Them' : 'You') : 'Cue'}
        {showSource ? <span className="font-normal normal-case opacity-75">{SOURCE_LABEL[channel.source]}</span> : null}
        <StatusNote item={item} />
      </span>
      <p
        className={`max-w-[85%] whitespace-pre-wrap rounded-2xl px-4 py-2 text-base leading-7 ${
          them
            ? 'rounded-tl-sm bg-violet-50 text-slate-900 ring-1 ring-violet-100'
            : mine
              ? 'rounded-tl-sm bg-slate-100 text-slate-900'
              : 'rounded-tr-sm bg-sky-50 text-slate-900 ring-1 ring-sky-100'
        } ${item.text ? '' : 'opacity-80'}`}
      >
        {text || <span className="italic opacity-70">{mine ? 'Listening…' : 'Thinking…'}</span>}
      </p>
    </div>
  );
}

const HINT_STYLE = {
  quick: { card: 'border-amber-400 bg-amber-50', head: 'text-amber-800', label: 'Quick hint' },
  full: { card: 'border-indigo-400 bg-indigo-50', head: 'text-indigo-800', label: 'Full guidance' },
} as const;

function hintStatusText(card: HintCard): string {
  switch (card.status) {
    case 'requested':
      return 'preparing…';
    case 'speaking':
      return 'speaking…';
    case 'done':
      return 'done';
    case 'failed':
      if (card.interruptedBy === 'reload') return 'failed (the page reloaded)';
      return card.interruptedBy ? `failed (${card.interruptedBy})` : 'failed';
    case 'interrupted':
      return interruptedText(card.interruptedBy);
  }
}

function HintRow({ item, card }: { item: Row; card: HintCard }) {
  const style = HINT_STYLE[card.kind];
  const text = displayText(item);
  const interrupted = card.status === 'interrupted';
  const trigger = card.source === 'phrase' ? `“${card.trigger}”` : card.source === 'shortcut' ? 'shortcut' : 'button';
  return (
    <div data-testid="transcript-item" data-role="hint" data-status={card.status}>
      <article
        data-testid="hint-card"
        data-kind={card.kind}
        data-trigger={card.trigger}
        data-interrupted={interrupted ? 'true' : 'false'}
        data-hint-status={card.status}
        aria-label={`${style.label}, triggered by ${trigger}`}
        className={`mx-auto w-[92%] rounded-xl border-l-4 px-4 py-3 shadow-sm ${style.card}`}
      >
        <header className={`flex flex-wrap items-center gap-x-2 text-xs font-semibold uppercase tracking-wide ${style.head}`}>
          <span>{style.label}</span>
          <span className="font-normal normal-case">· {trigger}</span>
          <span className="font-normal normal-case opacity-70">· {card.contextMessages} messages of context</span>
          <span
            data-testid="hint-status"
            className={`ml-auto rounded-full px-2 py-0.5 font-medium normal-case ${interrupted || card.status === 'failed' ? 'bg-rose-100 text-rose-800' : 'bg-white/70'}`}
          >
            {hintStatusText(card)}
          </span>
        </header>
        <p data-testid="hint-text" className={`mt-1 whitespace-pre-wrap text-base leading-7 text-slate-900 ${interrupted ? 'opacity-70' : ''}`}>
          {text || <span className="italic opacity-70">…</span>}
        </p>
      </article>
    </div>
  );
}

/** One row; subscribes to its own item and hint card, so a delta re-renders only this row. */
export const TranscriptRow = memo(function TranscriptRow({ id }: { id: string }) {
  const item = useRealtimeStore((s) => s.transcript.byId[id]);
  const card = useHintStore((s) => s.hints[id]);
  const meeting = useRealtimeStore((s) => s.agentId === 'hint-assistant');
  if (!item) return null;
  return card ? <HintRow item={item} card={card} /> : <MessageRow item={item} meeting={meeting} />;
});
