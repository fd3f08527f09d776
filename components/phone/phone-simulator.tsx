'use client';

import { useEffect, useRef, useState } from 'react';
import { startSimulatorCallAction } from '@/app/actions/phone';
import { SimulatorCall, type SimulatorStats, type SimulatorStatus } from '@/lib/phone/simulator-call';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** Call a phone agent from the browser over the real /call socket, at phone quality (8 kHz mu-law), with a keypad (DTMF). */
export function PhoneSimulator({ agentId, agentName }: { agentId: string; agentName: string }) {
  const [status, setStatus] = useState<SimulatorStatus>('idle');
  const [detail, setDetail] = useState<string | null>(null);
  const [stats, setStats] = useState<SimulatorStats>({ heardMs: 0, sentFrames: 0, clears: 0, level: 0 });
  const call = useRef<SimulatorCall | null>(null);
  useEffect(() => () => call.current?.hangUp(), []);

  const dial = async () => {
    setDetail(null);
    setStatus('connecting');
    const pass = await startSimulatorCallAction({ agentId }).catch(() => null);
    if (!pass?.ok) {
      setStatus('failed');
      setDetail(pass ? pass.error.message : 'The app could not be reached. Try again.');
      return;
    }
    const c = new SimulatorCall({
      token: pass.data.token,
      agentId: pass.data.agentId,
      onStatus: (s, d) => {
        setStatus(s);
        setDetail(d ?? null);
      },
      onStats: setStats,
    });
    call.current = c;
    await c.start();
  };

  const inCall = status === 'connecting' || status === 'in_call';
  return (
    <section className="max-w-xl space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="phone-simulator">
      <div>
        <h2 className="text-lg font-semibold text-ink">{agentName}</h2>
        <p className="text-sm text-slate-600">You hear what a caller hears: 8 kHz mu-law over the same /call socket Twilio uses. Talk over the agent to interrupt it.</p>
      </div>
      <div className="flex items-center gap-3">
        {inCall ? (
          <button type="button" data-testid="sim-hang-up" onClick={() => call.current?.hangUp()} className="rounded-full bg-rose-600 px-5 py-2 text-sm font-semibold text-white hover:bg-rose-700">
            Hang up
          </button>
        ) : (
          <button type="button" data-testid="sim-call" onClick={() => void dial()} className="rounded-full bg-emerald-600 px-5 py-2 text-sm font-semibold text-white hover:bg-emerald-700">
            Call
          </button>
        )}
        <span data-testid="sim-status" data-status={status} className="text-sm text-slate-700">
          {status === 'idle' ? 'Ready' : status === 'connecting' ? 'Ringing…' : status === 'in_call' ? 'On the call' : status === 'ended' ? 'Call ended' : 'Call failed'}
        </span>
      </div>
      {detail ? (
        <p role={status === 'failed' ? 'alert' : 'status'} data-testid="sim-detail" className={`text-sm ${status === 'failed' ? 'text-rose-700' : 'text-slate-600'}`}>
          {detail}
        </p>
      ) : null}
      {status === 'in_call' ? (
        <div className="grid w-48 grid-cols-3 gap-2" role="group" aria-label="Keypad" data-testid="sim-keypad">
          {KEYS.map((key) => (
            <button key={key} type="button" onClick={() => call.current?.press(key)} className="rounded-lg border border-slate-300 py-2 font-mono text-base text-ink hover:bg-slate-50" data-testid={`sim-key-${key === '*' ? 'star' : key === '#' ? 'hash' : key}`} aria-label={`Press ${key}`}>
              {key}
            </button>
          ))}
        </div>
      ) : null}
      <dl className="grid grid-cols-3 gap-3 text-sm">
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-xs text-slate-500">Agent audio heard</dt>
          <dd className="font-semibold tabular-nums text-ink" data-testid="sim-heard-ms" data-ms={Math.round(stats.heardMs)}>
            {(stats.heardMs / 1000).toFixed(1)} s
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-xs text-slate-500">Your audio sent</dt>
          <dd className="font-semibold tabular-nums text-ink" data-testid="sim-sent">
            {((stats.sentFrames * 20) / 1000).toFixed(1)} s
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-xs text-slate-500">Level</dt>
          <dd className="mt-1 h-2 overflow-hidden rounded bg-slate-200" aria-hidden>
            <div className="h-2 bg-cue transition-all" style={{ width: `${Math.round(Math.min(1, stats.level * 3) * 100)}%` }} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
