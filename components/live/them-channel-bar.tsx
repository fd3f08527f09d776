'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useThemChannel } from '@/lib/live/live-context';
import type { ThemChannel } from '@/lib/live/them-channel';
import { talkRatio, type TalkRatio } from '@/lib/live/transcript/channels';
import type { RealtimeState } from '@/lib/realtime/store/store';
import { useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';
import { useThrottledStoreValue } from './use-throttled-value';

const STATUS = { off: 'Not shared', connecting: 'Connecting…', on: 'Tab audio, own channel', error: 'Off' } as const;

const ratioOf = (s: RealtimeState): TalkRatio => talkRatio(s.transcript.order.map((id) => s.transcript.byId[id]!).filter(Boolean));

function TalkRatioMeter() {
  const r = useThrottledStoreValue(ratioOf, 300);
  const you = r.youShare === null ? null : Math.round(r.youShare * 100);
  return (
    <div data-testid="talk-ratio" data-you={you ?? ''} className="flex min-w-[14rem] items-center gap-2 text-sm text-slate-700">
      <span className="font-medium">Talk ratio</span>
      {you === null ? (
        <span className="text-slate-500">nobody has spoken yet</span>
      ) : (
        <>
          <span className="relative h-2 w-24 overflow-hidden rounded-full bg-violet-200" aria-hidden>
            <span className="absolute inset-y-0 left-0 bg-slate-600" style={{ width: `${you}%` }} />
          </span>
          <span>
            you {you}% · them {100 - you}%
          </span>
          <span className="text-xs text-slate-500">({r.youWords} / {r.themWords} words)</span>
        </>
      )}
    </div>
  );
}

/**
 * Their side of the meeting: the shared tab's channel (status, share again), a box to type what
 * they said (rehearsal, or when the tab cannot be shared) and the talk ratio of you and them.
 */
export function ThemChannelBar() {
  const handle = useThemChannel();
  const [them, setThem] = useState<ThemChannel | null>(() => handle.loaded());
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (them) return;
    let active = true;
    handle.load().then(
      (c) => active && setThem(c),
      (error: unknown) => active && setFailure(error instanceof Error && error.message ? error.message : 'download failed'),
    );
    return () => {
      active = false;
    };
  }, [them, handle, attempt]);
  if (them) return <Bar them={them} />;
  return (
    <div data-testid="them-channel-loading" aria-busy="true" className="min-h-[3.25rem] rounded-xl border border-violet-200 bg-violet-50/60 px-3 py-2 text-sm text-rose-800">
      {failure ? (
        <>
          Their channel could not be loaded ({failure.replace(/\.$/, '')}).{' '}
          <button type="button" className="font-medium underline" onClick={() => (setFailure(null), setAttempt((n) => n + 1))}>
            Try again
          </button>
        </>
      ) : null}
    </div>
  );
}

function Bar({ them }: { them: ThemChannel }) {
  const status = useStore(them.state, (s) => s.status);
  const message = useStore(them.state, (s) => s.message);
  const dropped = useStore(them.state, (s) => s.dropped);
  const connected = useRealtimeStore((s) => s.connection === 'connected');
  const [text, setText] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (them.addTyped(text)) setText('');
  };
  return (
    <section aria-label="Their channel" className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-violet-200 bg-violet-50/60 px-3 py-2">
      <div data-testid="them-channel" data-status={status} className="flex items-center gap-2 text-sm">
        <span className="font-medium text-violet-900">Them</span>
        <span className={status === 'error' ? 'text-amber-800' : 'text-slate-600'}>{STATUS[status]}</span>
        {connected && status !== 'on' && status !== 'connecting' ? (
          <button type="button" data-testid="share-their-tab" onClick={() => void them.start()} className="rounded-md border border-violet-300 bg-white px-2 py-0.5 text-xs font-medium text-violet-900 hover:bg-violet-100">
            Share their tab
          </button>
        ) : null}
      </div>
      <form onSubmit={submit} className="flex min-w-[16rem] flex-1 gap-2">
        <label htmlFor="them-line" className="sr-only">
          Their line
        </label>
        <input
          id="them-line"
          data-testid="them-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          disabled={!connected}
          placeholder={connected ? 'Type what they said (rehearsal) and press Enter' : 'Connect to add their lines'}
          autoComplete="off"
          className="min-w-0 flex-1 rounded-lg border border-violet-200 bg-white px-3 py-1.5 text-sm focus:border-violet-400 focus:outline-none focus:ring-2 focus:ring-violet-200 disabled:bg-slate-50"
        />
        <button type="submit" data-testid="them-send" disabled={!connected} className="rounded-lg bg-violet-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-800 disabled:opacity-50">
          Add
        </button>
      </form>
      <TalkRatioMeter />
      {message || dropped ? (
        <p role="status" data-testid="them-message" className="basis-full text-xs text-amber-900">
          {message}
          {dropped ? ` ${dropped} of their lines came while the call was reconnecting and were not added.` : ''}
        </p>
      ) : null}
    </section>
  );
}
