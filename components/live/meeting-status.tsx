'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useMeetingRecorder, useMeetingState } from '@/lib/live/live-context';
import { useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';

const link = 'font-medium text-cue underline-offset-2 hover:underline';
const button = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50';

/**
 * What happened to the meeting on screen: brought back after a reload, saved to Past
 * meetings (or why not, with Retry), whether this tab keeps a copy; and, between calls,
 * the choice to continue it (Connect) or start a new one.
 */
export function MeetingStatus() {
  const meeting = useMeetingRecorder();
  const save = useMeetingState((s) => s.save);
  const restored = useMeetingState((s) => s.restored);
  const tabCopy = useMeetingState((s) => s.tabCopy);
  const idle = useRealtimeStore((s) => s.connection === 'disconnected');
  const hasLines = useRealtimeStore((s) => s.transcript.order.length > 0);
  const [confirming, setConfirming] = useState(false);
  const between = idle && hasLines;
  if (!restored && !between && save.status === 'idle' && tabCopy === 'ok') return null;

  const startNew = () => {
    setConfirming(false);
    meeting.startNew();
  };
  // Only a meeting that could not be saved is lost by starting a new one: ask first.
  const onNew = () => (save.status === 'failed' ? setConfirming(true) : startNew());

  return (
    <div data-testid="meeting-status" data-save={save.status} className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-xl border border-slate-200 bg-white px-4 py-2 text-sm text-slate-700 shadow-sm">
      {restored ? <span data-testid="meeting-restored">Transcript restored from before the page reloaded.</span> : null}
      {between ? <span>Connect to continue this meeting, or start a new one.</span> : null}
      {save.status === 'saving' ? <span role="status">Saving to Past meetings…</span> : null}
      {save.status === 'saved' ? (
        <span role="status" data-testid="meeting-saved">
          Saved to Past meetings ·{' '}
          <Link href={`/live/history/${save.id}`} className={link} data-testid="meeting-saved-link">
            open
          </Link>
        </span>
      ) : null}
      {save.status === 'failed' ? (
        <span role="alert" data-testid="meeting-save-error" className="text-rose-800">
          Not saved: {save.message}{' '}
          {save.retryable ? (
            <button type="button" className={button} onClick={() => void meeting.retrySave()}>
              Retry
            </button>
          ) : null}
        </span>
      ) : null}
      {tabCopy === 'full' ? (
        <span className="text-amber-800">This tab could not keep a copy of the transcript (the browser’s storage is full): a reload would lose it.</span>
      ) : null}
      {tabCopy === 'unavailable' ? <span className="text-amber-800">This browser blocks storage for the page: a reload would lose the transcript.</span> : null}
      {between ? (
        <span className="ml-auto flex items-center gap-2">
          {confirming ? (
            <span role="group" aria-label="Confirm new meeting" className="flex items-center gap-2 rounded-md bg-rose-50 px-2 py-1 text-rose-800">
              This meeting is not saved. Discard it?
              <button type="button" data-testid="new-meeting-confirm" onClick={startNew} className="rounded bg-rose-600 px-2 py-0.5 text-white hover:bg-rose-700">
                Discard
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="rounded px-2 py-0.5 hover:bg-rose-100">
                Keep
              </button>
            </span>
          ) : (
            <button type="button" data-testid="new-meeting-button" onClick={onNew} className={button}>
              New meeting
            </button>
          )}
        </span>
      ) : null}
    </div>
  );
}
