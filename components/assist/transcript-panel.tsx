'use client';

import { useState, type FormEvent } from 'react';
import { PII_MARKERS } from '@/lib/assist/call/redact';
import type { Channel } from '@/lib/realtime/session/channel-transcriber';
import { useAssist, useAssistState } from './assist-context';
import { button, clock, ErrorLine, input, Panel, primary } from './ui';

/** Two-speaker transcript, labelled by channel; the two audio channels; typed turns for rehearsal. */

const MARKERS = Object.values(PII_MARKERS);
const SOURCE_LABEL = { mic: 'mic', tab: 'tab audio', typed: 'typed' } as const;

function Redacted({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${MARKERS.map((m) => m.replace(/[[\]]/g, '\\$&')).join('|')})`));
  return (
    <>
      {parts.map((p, i) =>
        MARKERS.includes(p) ? (
          <mark key={i} data-testid="assist-redacted" className="rounded bg-amber-200 px-1 text-amber-900">{p}</mark>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </>
  );
}

function ChannelButton({ channel, label }: { channel: Channel; label: string }) {
  const { channels } = useAssist();
  const state = useAssistState((s) => s.channels[channel]);
  const live = useAssistState((s) => s.phase === 'live');
  const on = state.status === 'on' || state.status === 'connecting';
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        data-testid={`assist-channel-${channel}`}
        className={button}
        disabled={!live}
        onClick={() => (on ? channels[channel].stop() : void channels[channel].start())}
      >
        {on ? `Stop ${label}` : `${label}`}
        <span className={`ml-2 inline-block h-2 w-2 rounded-full ${state.status === 'on' ? 'bg-emerald-500' : state.status === 'connecting' ? 'bg-amber-400' : state.status === 'error' ? 'bg-rose-500' : 'bg-slate-300'}`} />
      </button>
      {state.message ? <span className="max-w-xs text-xs text-rose-700">{state.message}</span> : null}
    </div>
  );
}

export function TranscriptPanel() {
  const { driver } = useAssist();
  const lines = useAssistState((s) => s.lines);
  const live = useAssistState((s) => s.phase === 'live');
  const turnError = useAssistState((s) => s.errors.turn);
  const [text, setText] = useState('');
  const [speaker, setSpeaker] = useState<'customer' | 'agent'>('customer');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = text.trim();
    if (!t) return;
    setText('');
    void driver.say(speaker, 'typed', t);
  };
  return (
    <Panel title="Transcript" testId="assist-transcript" right={<span className="text-xs text-slate-400">{lines.length} {lines.length === 1 ? 'line' : 'lines'}</span>}>
      <div className="mb-2 flex flex-wrap gap-2">
        <ChannelButton channel="mic" label="Agent mic" />
        <ChannelButton channel="tab" label="Customer audio (share softphone tab)" />
      </div>
      <ol className="max-h-[22rem] min-h-[10rem] space-y-1.5 overflow-y-auto rounded-lg bg-slate-50 p-2" aria-live="polite">
        {lines.length === 0 ? <li className="text-sm text-slate-400">{live ? 'Waiting for the first line…' : 'Start a call to see the transcript.'}</li> : null}
        {lines.map((l) => (
          <li key={l.seq} data-testid="assist-line" data-speaker={l.speaker} className={`flex ${l.speaker === 'agent' ? 'justify-end' : 'justify-start'}`}>
            <div className={`max-w-[85%] rounded-lg px-2.5 py-1.5 text-sm ${l.speaker === 'agent' ? 'bg-cue/10 text-slate-900' : 'bg-white text-slate-900 ring-1 ring-slate-200'}`}>
              <div className="mb-0.5 text-[10px] font-semibold uppercase tracking-wide text-slate-500">
                {l.speaker === 'agent' ? 'Agent' : 'Customer'} · {SOURCE_LABEL[l.source]} · {clock(l.atSec)}
                {l.sentiment !== null ? <span className={l.sentiment < -0.1 ? 'ml-1 text-rose-600' : l.sentiment > 0.1 ? 'ml-1 text-emerald-600' : 'ml-1'}>({l.sentiment > 0 ? '+' : ''}{l.sentiment.toFixed(1)})</span> : null}
              </div>
              <Redacted text={l.text} />
            </div>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="mt-2 flex gap-2">
        <select aria-label="Speaker" data-testid="assist-speaker" className="rounded-lg border border-slate-300 px-2 text-sm" value={speaker} onChange={(e) => setSpeaker(e.target.value as 'customer' | 'agent')}>
          <option value="customer">Customer</option>
          <option value="agent">Agent</option>
        </select>
        <input data-testid="assist-say" className={input} placeholder={speaker === 'customer' ? 'Type what the customer says' : 'Type what you say'} value={text} onChange={(e) => setText(e.target.value)} disabled={!live} maxLength={4000} />
        <button type="submit" data-testid="assist-say-send" className={primary} disabled={!live || !text.trim()}>Send</button>
      </form>
      <ErrorLine message={turnError} testId="assist-turn-error" />
    </Panel>
  );
}
