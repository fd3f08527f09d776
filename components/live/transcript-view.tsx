'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Backend } from '@/lib/realtime/store/types';
import { useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';
import { TranscriptEmpty } from './transcript-empty';
import { TranscriptRow } from './transcript-rows';
import { useStickToBottom } from './use-stick-to-bottom';

/**
 * The transcript: meeting speech and hint cards, newest at the bottom. Virtualised (only
 * the rows in view are mounted, so a two-hour meeting costs what a short one does), pinned
 * to the bottom while new words arrive unless the user scrolled up, then "Jump to latest".
 */
export function TranscriptView({ backend, hintAgent, hears }: { backend: Backend; hintAgent: boolean; hears: boolean }) {
  const order = useRealtimeStore((s) => s.transcript.order);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 84,
    overscan: 6,
    getItemKey: (index) => order[index] ?? index,
    useFlushSync: false,
  });
  const total = virtualizer.getTotalSize();
  const { pinned, onScroll, jumpToLatest } = useStickToBottom(scrollRef, `${order.length}:${total}`);
  const rows = virtualizer.getVirtualItems();

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scrollRef} onScroll={onScroll} data-testid="transcript-scroll" className="h-full overflow-y-auto px-4">
        {order.length === 0 ? <TranscriptEmpty backend={backend} hintAgent={hintAgent} hears={hears} /> : null}
        <div data-testid="transcript" role="list" aria-label="Transcript" data-count={order.length} className="relative" style={{ height: total }}>
          {rows.map((row) => {
            const id = order[row.index];
            if (!id) return null;
            return (
              <div
                key={row.key}
                role="listitem"
                data-index={row.index}
                ref={virtualizer.measureElement}
                className="absolute inset-x-0 top-0 py-2"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <TranscriptRow id={id} />
              </div>
            );
          })}
        </div>
      </div>
      {!pinned && order.length > 0 ? (
        <button
          type="button"
          data-testid="jump-to-latest"
          onClick={jumpToLatest}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-ink px-4 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-slate-700"
        >
          Jump to latest ↓
        </button>
      ) : null}
    </div>
  );
}
