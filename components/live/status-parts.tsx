'use client';

import { useEffect, useState } from 'react';
import type { RealtimeStatus } from '@/lib/realtime/store/types';
import { useRealtimeStore, useRealtimeStoreApi } from '@/lib/realtime/store/use-realtime-store';
import { formatClock } from '@/lib/shared/format';

const STATUS_STYLE: Record<RealtimeStatus, { pill: string; dot: string }> = {
  disconnected: { pill: 'bg-slate-100 text-slate-600 ring-slate-200', dot: 'bg-slate-400' },
  connecting: { pill: 'bg-amber-50 text-amber-800 ring-amber-200', dot: 'bg-amber-500 animate-pulse' },
  connected: { pill: 'bg-sky-50 text-sky-800 ring-sky-200', dot: 'bg-sky-500' },
  listening: { pill: 'bg-emerald-50 text-emerald-800 ring-emerald-200', dot: 'bg-emerald-500' },
  speaking: { pill: 'bg-indigo-50 text-indigo-800 ring-indigo-200', dot: 'bg-indigo-500 animate-pulse' },
  muted: { pill: 'bg-rose-50 text-rose-800 ring-rose-200', dot: 'bg-rose-500' },
};

/** One word for the session: disconnected / connecting / listening / speaking / muted. */
export function StatusPill() {
  const status = useRealtimeStore((s) => s.status);
  const reconnecting = useRealtimeStore((s) => s.reconnecting);
  const style = STATUS_STYLE[status];
  return (
    <span
      role="status"
      aria-live="polite"
      className={`inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-medium capitalize ring-1 ring-inset ${style.pill}`}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${style.dot}`} />
      <span data-testid="status" data-status={status} data-reconnecting={reconnecting ? 'true' : 'false'}>
        {reconnecting && status === 'connecting' ? 'reconnecting' : status}
      </span>
    </span>
  );
}

export function InputLevel() {
  const level = useRealtimeStore((s) => s.inputLevel);
  const active = useRealtimeStore((s) => s.micActive && !s.muted);
  return (
    <span
      data-testid="input-level"
      role="meter"
      aria-label="Input level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(level * 100)}
      className="relative h-2 w-20 overflow-hidden rounded-full bg-slate-200"
    >
      <span
        className={`absolute inset-y-0 left-0 rounded-full transition-[width] duration-75 ${active ? 'bg-emerald-500' : 'bg-slate-300'}`}
        style={{ width: `${Math.round(level * 100)}%` }}
      />
    </span>
  );
}

/** Time since the call started; keeps counting through reconnects, freezes when the call ends. */
export function ElapsedTime() {
  const startedAt = useRealtimeStore((s) => s.callStartedAt);
  const endedAt = useRealtimeStore((s) => s.callEndedAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null || endedAt !== null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt, endedAt]);
  const ms = startedAt === null ? 0 : (endedAt ?? now) - startedAt;
  return (
    <span data-testid="elapsed" aria-label="Call time" className="font-mono text-sm tabular-nums text-slate-600">
      {formatClock(ms)}
    </span>
  );
}

const INPUT_LABEL = { none: 'Text only', mic: 'Microphone', 'mic+tab': 'Microphone + tab audio' } as const;
const TAB_ISSUE = { declined: 'tab not shared', no_audio: 'tab has no audio', ended: 'tab sharing stopped', failed: 'tab share failed' } as const;
const MIC_ISSUE = { mic_denied: 'nothing (microphone blocked)', mic_unavailable: 'nothing (no microphone)' } as const;
type MicIssue = keyof typeof MIC_ISSUE;

/**
 * The microphone problem of the current call, kept after its error banner is dismissed:
 * set by a microphone error, cleared when the mic streams or a new call starts.
 */
function useMicIssue(): MicIssue | null {
  const store = useRealtimeStoreApi();
  const [issue, setIssue] = useState<MicIssue | null>(null);
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        const code = s.error?.code;
        if (code === 'mic_denied' || code === 'mic_unavailable') setIssue(code);
        else if ((prev.connection === 'disconnected' && s.connection !== 'disconnected') || (s.micActive && !prev.micActive)) setIssue(null);
      }),
    [store],
  );
  return issue;
}

/** What the assistant hears right now: nothing while the mic is blocked or not streaming yet, and whether tab audio is missing. */
export function InputSourceBadge() {
  const input = useRealtimeStore((s) => s.input);
  const connection = useRealtimeStore((s) => s.connection);
  const micActive = useRealtimeStore((s) => s.micActive);
  const micIssue = useMicIssue();
  if (connection === 'disconnected') return null;
  const tabIssue = input.tabIssue ? TAB_ISSUE[input.tabIssue] : null;
  let label: string;
  let warn = false;
  if (input.source === 'none') label = INPUT_LABEL.none;
  else if (!micActive && micIssue) {
    label = MIC_ISSUE[micIssue];
    warn = true;
  } else if (!micActive) label = connection === 'connecting' ? 'nothing while connecting' : 'nothing yet (starting the microphone)';
  else {
    label = `${INPUT_LABEL[input.source]}${tabIssue ? ` (${tabIssue})` : ''}`;
    warn = tabIssue !== null;
  }
  return (
    <span
      data-testid="input-source"
      data-source={input.source}
      data-tab-issue={input.tabIssue ?? ''}
      data-mic-issue={!micActive && micIssue ? micIssue : ''}
      className={`rounded-md px-2 py-1 text-xs font-medium ${warn ? 'bg-amber-50 text-amber-800' : 'bg-slate-100 text-slate-700'}`}
    >
      Hears: {label}
    </span>
  );
}
