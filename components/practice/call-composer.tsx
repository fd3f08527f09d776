'use client';

import { SendTextForm } from '@/components/send-text-form';
import { useCallRealtime, useCallStore, usePracticeCall } from '@/lib/practice/call/use-practice-call';

const STATUS_WORDS: Record<string, string> = {
  connecting: 'Connecting…',
  connected: 'Connected — type your answer',
  listening: 'Listening — speak, or type',
  speaking: 'Client speaking — talk over them to interrupt',
  muted: 'Microphone muted — type, or unmute',
  disconnected: 'Not connected',
};

/** Type a turn (works without a microphone), interrupt the client, mute. */
export function CallComposer() {
  const call = usePracticeCall();
  const live = useCallStore((s) => s.phase === 'live');
  const status = useCallRealtime((s) => s.status);
  const micActive = useCallRealtime((s) => s.micActive);
  const muted = useCallRealtime((s) => s.muted);
  const connected = useCallRealtime((s) => s.connection === 'connected');

  return (
    <div className="border-t border-slate-200 p-3">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
        <span data-testid="status" data-status={status} className="inline-flex items-center gap-1.5">
          <span className={`h-2 w-2 rounded-full ${status === 'speaking' ? 'bg-amber-500' : status === 'listening' ? 'bg-emerald-500' : connected ? 'bg-sky-500' : 'bg-slate-400'}`} />
          {STATUS_WORDS[status] ?? status}
        </span>
        <span className="flex gap-2">
          {status === 'speaking' ? (
            <button type="button" data-testid="interrupt-button" onClick={() => call.interrupt()} className="rounded-md border border-slate-300 px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-50">
              Stop the client
            </button>
          ) : null}
          {micActive || muted ? (
            <button type="button" data-testid="mute-button" onClick={() => call.setMuted(!muted)} className="rounded-md border border-slate-300 px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-50">
              {muted ? 'Unmute' : 'Mute'}
            </button>
          ) : null}
        </span>
      </div>
      <SendTextForm
        id="call-message"
        label="Your answer"
        placeholder={live ? 'Type your answer and press Enter' : 'Join the call to answer'}
        disabled={!live || !connected}
        onSend={(text) => call.sendText(text)}
      />
    </div>
  );
}
