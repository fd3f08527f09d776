'use client';

import { memo, useDeferredValue, useMemo, useState } from 'react';
import type { EventLogEntry } from '@/lib/realtime/types';
import { useRealtimeStore } from '@/lib/realtime/use-realtime-store';
import { useStickToBottom } from './use-stick-to-bottom';
import { useThrottledValue } from './use-throttled-value';

function clock(at: number): string {
  const d = new Date(at);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

const EventRow = memo(function EventRow({ entry }: { entry: EventLogEntry }) {
  const [open, setOpen] = useState(false);
  const sent = entry.direction === 'client';
  return (
    <li data-testid="event-log-item" data-type={entry.type} data-direction={entry.direction} className="border-b border-slate-100 last:border-0">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        className="flex w-full items-baseline gap-2 px-3 py-1 text-left font-mono text-xs hover:bg-slate-50"
      >
        <span aria-label={sent ? 'sent' : 'received'} className={sent ? 'text-cue' : 'text-emerald-700'}>
          {sent ? '↑' : '↓'}
        </span>
        <span className="shrink-0 text-slate-400">{clock(entry.at)}</span>
        <span className="min-w-0 flex-1 truncate text-slate-800">{entry.type}</span>
        {entry.count > 1 && <span className="shrink-0 text-slate-500">×{entry.count}</span>}
      </button>
      {open && (
        <pre className="max-h-64 overflow-auto bg-slate-50 px-3 py-2 font-mono text-[11px] leading-4 text-slate-700">
          {JSON.stringify(entry.payload, null, 2)}
        </pre>
      )}
    </li>
  );
});

/** Every client (↑) and server (↓) event, newest last; click a row for its JSON. */
export function EventLogPanel() {
  const events = useThrottledValue(
    useRealtimeStore((s) => s.events),
    200,
  );
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim().toLowerCase());
  const shown = useMemo(() => (query ? events.filter((e) => e.type.toLowerCase().includes(query)) : events), [events, query]);
  const { ref, onScroll } = useStickToBottom<HTMLDivElement>(shown);

  return (
    <section aria-label="Event log" className="flex min-h-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-800">Events</h2>
        <span className="text-xs text-slate-500">{events.length}</span>
        <input
          data-testid="event-log-filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter by type"
          aria-label="Filter events by type"
          className="ml-auto w-36 rounded-md border border-slate-300 px-2 py-1 text-xs focus:border-cue focus:outline-none"
        />
      </header>
      <div ref={ref} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto">
        <ol data-testid="event-log">
          {shown.map((entry) => (
            <EventRow key={entry.id} entry={entry} />
          ))}
        </ol>
        {shown.length === 0 && <p className="px-3 py-6 text-center text-xs text-slate-500">No events yet.</p>}
      </div>
    </section>
  );
}
