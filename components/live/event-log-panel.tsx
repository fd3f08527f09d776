'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useDeferredValue, useMemo, useRef, useState } from 'react';
import { EVENT_LOG_CAP } from '@/lib/realtime/store/event-log';
import type { EventLogEntry } from '@/lib/realtime/store/types';
import type { RealtimeState } from '@/lib/realtime/store/store';
import { useStickToBottom } from './use-stick-to-bottom';
import { useThrottledStoreValue } from './use-throttled-value';

const selectEvents = (s: RealtimeState) => s.events;

function clock(at: number): string {
  const d = new Date(at);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

const DIRECTION = {
  client: { mark: '↑', label: 'sent', color: 'text-cue' },
  server: { mark: '↓', label: 'received', color: 'text-emerald-700' },
  note: { mark: '•', label: 'app note', color: 'text-amber-600' },
} as const;

const EventRow = memo(function EventRow({ entry }: { entry: EventLogEntry }) {
  const [open, setOpen] = useState(false);
  const dir = DIRECTION[entry.direction];
  return (
    <div data-testid="event-log-item" data-type={entry.type} data-direction={entry.direction} className="border-b border-slate-100">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        className={`flex w-full items-baseline gap-2 px-3 py-1 text-left font-mono text-xs hover:bg-slate-50 ${entry.direction === 'note' ? 'bg-amber-50/60' : ''}`}
      >
        <span aria-label={dir.label} className={dir.color}>
          {dir.mark}
        </span>
        <span className="shrink-0 text-slate-400">{clock(entry.at)}</span>
        <span className="min-w-0 flex-1 truncate text-slate-800">{entry.type}</span>
        {entry.count > 1 && <span className="shrink-0 text-slate-500">×{entry.count}</span>}
      </button>
      {open && (
        <pre data-testid="event-log-json" className="max-h-64 overflow-auto bg-slate-50 px-3 py-2 font-mono text-[11px] leading-4 text-slate-700">
          {JSON.stringify(entry.payload, null, 2)}
        </pre>
      )}
    </div>
  );
});

/** Every client (↑) and server (↓) event and app note (•), newest last; click a row for its JSON. Virtualised, capped. */
export function EventLogPanel() {
  const events = useThrottledStoreValue(selectEvents, 200);
  const [filter, setFilter] = useState('');
  const [hideAudio, setHideAudio] = useState(false);
  const query = useDeferredValue(filter.trim().toLowerCase());
  const shown = useMemo(() => {
    if (!query && !hideAudio) return events;
    return events.filter((e) => (!query || e.type.toLowerCase().includes(query)) && (!hideAudio || !e.type.includes('audio')));
  }, [events, query, hideAudio]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 25,
    overscan: 12,
    getItemKey: (index) => shown[index]?.id ?? index,
    useFlushSync: false,
  });
  const total = virtualizer.getTotalSize();
  const { onScroll } = useStickToBottom(scrollRef, `${shown.length}:${shown.at(-1)?.id ?? 0}:${total}`);

  return (
    <section aria-label="Event log" className="flex min-h-0 flex-1 flex-col rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-800">Events</h2>
        <span data-testid="event-log-count" className="text-xs text-slate-500" title={`The newest ${EVENT_LOG_CAP} are kept`}>
          {shown.length === events.length ? events.length : `${shown.length} of ${events.length}`}
        </span>
        <label className="ml-auto flex items-center gap-1 text-xs text-slate-600">
          <input type="checkbox" data-testid="event-log-hide-audio" checked={hideAudio} onChange={(e) => setHideAudio(e.target.checked)} className="accent-cue" />
          hide audio
        </label>
        <input
          data-testid="event-log-filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter by type"
          aria-label="Filter events by type"
          className="w-32 rounded-md border border-slate-300 px-2 py-1 text-xs focus:border-cue focus:outline-none"
        />
      </header>
      <div ref={scrollRef} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto">
        <div data-testid="event-log" role="list" className="relative" style={{ height: total }}>
          {virtualizer.getVirtualItems().map((row) => {
            const entry = shown[row.index];
            if (!entry) return null;
            return (
              <div key={row.key} role="listitem" data-index={row.index} ref={virtualizer.measureElement} className="absolute inset-x-0 top-0" style={{ transform: `translateY(${row.start}px)` }}>
                <EventRow entry={entry} />
              </div>
            );
          })}
        </div>
        {shown.length === 0 && (
          <p data-testid="event-log-empty" className="px-3 py-6 text-center text-xs text-slate-500">
            {events.length === 0 ? 'No events yet.' : `No events match the filter (${events.length} hidden).`}
          </p>
        )}
      </div>
    </section>
  );
}
