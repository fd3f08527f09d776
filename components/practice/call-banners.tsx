'use client';

import { useState } from 'react';
import { useCallRealtime, useCallStore, usePracticeCall } from '@/lib/practice/call/use-practice-call';
import { NoiseWarning } from './noise-warning';

const banner = 'flex flex-wrap items-start gap-3 rounded-xl border px-4 py-3 text-sm leading-6';
const smallButton = 'rounded-md px-3 py-1 text-sm font-medium disabled:opacity-50';

/** Everything that can go wrong during a call, in words, each with the way out. */
export function CallBanners() {
  const call = usePracticeCall();
  const phase = useCallStore((s) => s.phase);
  const save = useCallStore((s) => s.save);
  const error = useCallRealtime((s) => s.error);
  const reconnecting = useCallRealtime((s) => s.reconnecting);
  const [busy, setBusy] = useState(false);

  const reconnect = async () => {
    setBusy(true);
    try {
      await call.reconnect();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-2" aria-live="polite">
      {phase === 'live' ? <NoiseWarning /> : null}
      {phase === 'lost' ? (
        <div role="alert" data-testid="call-lost" className={`${banner} border-amber-300 bg-amber-50 text-amber-950`}>
          <p className="min-w-0 flex-1">
            <strong className="font-semibold">The connection dropped.</strong> Everything said so far is saved. Reconnect to carry on
            where you left off, or end the call to get your debrief.
          </p>
          <div className="flex gap-2">
            <button type="button" data-testid="reconnect-button" disabled={busy} onClick={() => void reconnect()} className={`${smallButton} bg-amber-700 text-white hover:bg-amber-800`}>
              {busy ? 'Reconnecting…' : 'Reconnect'}
            </button>
            <button type="button" onClick={() => void call.end('disconnected')} className={`${smallButton} border border-amber-400 text-amber-900 hover:bg-amber-100`}>
              End call &amp; debrief
            </button>
          </div>
        </div>
      ) : null}
      {reconnecting && phase === 'live' ? (
        <div role="status" data-testid="call-reconnecting" className={`${banner} border-sky-200 bg-sky-50 text-sky-900`}>
          <p>
            Connection interrupted — reconnecting (attempt {reconnecting.attempt} of {reconnecting.maxAttempts}). What was said is kept.
          </p>
        </div>
      ) : null}
      {error && phase !== 'lost' ? (
        <div role="alert" data-testid="error-banner" data-code={error.code} className={`${banner} border-rose-200 bg-rose-50 text-rose-900`}>
          <p className="min-w-0 flex-1">{error.message}</p>
          <button type="button" data-testid="dismiss-button" onClick={() => call.dismissError()} className={`${smallButton} border border-rose-300 text-rose-800 hover:bg-rose-100`}>
            Dismiss
          </button>
        </div>
      ) : null}
      {save.failed > 0 ? (
        <div role="alert" data-testid="save-failed" className={`${banner} border-rose-200 bg-rose-50 text-rose-900`}>
          <p className="min-w-0 flex-1">
            {save.failed === 1 ? 'One part of the conversation' : `${save.failed} parts of the conversation`} could not be saved yet
            {save.lastError ? ` (${save.lastError})` : ''}. The call goes on; Cue tries again when you end it.
          </p>
          <button type="button" onClick={() => call.retrySaves()} className={`${smallButton} bg-rose-700 text-white hover:bg-rose-800`}>
            Retry now
          </button>
        </div>
      ) : null}
    </div>
  );
}
