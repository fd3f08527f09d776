'use client';

import { SendTextForm } from '@/components/send-text-form';
import { useCallRealtime, useCallStore, usePracticeCall } from '@/lib/practice/call/use-practice-call';
import type { RealtimeStatus } from '@/lib/realtime/store/types';
import { MicMeter } from './mic-meter';

export const CALL_MESSAGE_INPUT_ID = 'call-message';

/** What the status line says, for what the user can actually do right now. */
function statusWords(status: RealtimeStatus, hearing: boolean, micLive: boolean): string {
  switch (status) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Connected — type your answer';
    case 'listening':
      return hearing ? 'Hearing you — the client answers when you pause' : 'Listening — speak, or type';
    case 'speaking':
      return micLive ? 'Client speaking — talk over them to interrupt' : 'Client speaking — Stop the client to cut in, or type your answer';
    case 'muted':
      return 'Microphone muted — type, or unmute';
    default:
      return 'Not connected';
  }
}

/** Type a turn (works without a microphone), interrupt the client, mute; the mic level while the mic is on. */
export function CallComposer() {
  const call = usePracticeCall();
  const live = useCallStore((s) => s.phase === 'live');
  const hearing = useCallStore((s) => s.userTurnSince !== null);
  const status = useCallRealtime((s) => s.status);
  const micActive = useCallRealtime((s) => s.micActive);
  const muted = useCallRealtime((s) => s.muted);
  const connected = useCallRealtime((s) => s.connection === 'connected');

  return (
    <div className="border-t border-slate-200 p-3">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
        <span data-testid="status" data-status={status} className="inline-flex items-center gap-1.5">
          <span className={`h-2 w-2 rounded-full ${status === 'speaking' ? 'bg-amber-500' : status === 'listening' ? 'bg-emerald-500' : connected ? 'bg-sky-500' : 'bg-slate-400'}`} />
          {statusWords(status, hearing, micActive && !muted)}
        </span>
        <span className="flex items-center gap-2">
          {micActive || muted ? <MicMeter /> : null}
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
        id={CALL_MESSAGE_INPUT_ID}
        label="Your answer"
        placeholder={live ? 'Type your answer and press Enter' : 'Join the call to answer'}
        disabled={!live || !connected}
        onSend={(text) => call.sendText(text)}
      />
    </div>
  );
}
