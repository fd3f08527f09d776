'use client';

import type { PhoneCallDetail } from '@/lib/contracts/phone-call';
import { usePolledJson } from '@/lib/phone/use-polled-json';
import { duration, STATUS_CLASS, STATUS_LABEL, when } from './format';

/** One call: both sides' words, tool calls with arguments and results, events, usage. Live while the call runs. */
export function CallDetail({ initial }: { initial: PhoneCallDetail }) {
  const { data, stale } = usePolledJson<{ call: PhoneCallDetail }>(`/api/phone/calls/${initial.id}`, { call: initial }, { intervalMs: 1000, active: initial.status === 'in_progress' });
  const call = data.call;
  const live = call.status === 'in_progress';
  return (
    <div className="space-y-4" data-testid="phone-call-detail">
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[call.status] ?? ''}`} data-testid="phone-call-status">
          {STATUS_LABEL[call.status] ?? call.status}
        </span>
        <span>{when(call.startedAt)}</span>
        <span>
          {call.source === 'simulator' ? 'Phone simulator' : `${call.fromNumber ?? 'Unknown'} → ${call.toNumber ?? 'Unknown'}`}
        </span>
        <span>
          {call.agentName} v{call.agentVersion}
        </span>
        <span>Length {live ? 'running' : duration(call.durationMs)}</span>
        {call.endReason ? <span>Ended: {call.endReason.replace(/_/g, ' ')}</span> : null}
        {live ? <span className="text-emerald-700">{stale ? 'Reconnecting…' : 'Live'}</span> : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <section className="rounded-xl border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 className="mb-2 text-sm font-semibold text-ink">Transcript</h2>
          {call.transcript.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing said yet.</p>
          ) : (
            <ol className="space-y-2" data-testid="phone-transcript">
              {call.transcript.map((l) => (
                <li key={l.itemId} className={`rounded-lg px-3 py-2 text-sm ${l.speaker === 'agent' ? 'bg-cue/5 text-ink' : 'bg-slate-100 text-slate-800'}`}>
                  <span className="mr-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{l.speaker === 'agent' ? 'Agent' : 'Caller'}</span>
                  {l.text}
                </li>
              ))}
            </ol>
          )}
        </section>
        <div className="space-y-4">
          <section className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-sm font-semibold text-ink">Tool calls</h2>
            {call.toolCalls.length === 0 ? (
              <p className="text-sm text-slate-600">None.</p>
            ) : (
              <ul className="space-y-2 text-xs" data-testid="phone-tool-calls">
                {call.toolCalls.map((t, i) => (
                  <li key={i} className="rounded-lg border border-slate-200 p-2">
                    <div className="font-mono font-semibold text-slate-800">
                      {t.name} <span className={t.ok ? 'text-emerald-700' : 'text-rose-700'}>{t.ok ? 'ok' : 'failed'}</span> <span className="text-slate-400">{t.ms} ms</span>
                    </div>
                    <pre className="mt-1 whitespace-pre-wrap break-all text-slate-600">args {JSON.stringify(t.args)}</pre>
                    <pre className="whitespace-pre-wrap break-all text-slate-600">result {JSON.stringify(t.result)}</pre>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-sm font-semibold text-ink">Events</h2>
            <ul className="max-h-72 space-y-1 overflow-auto text-xs text-slate-700" data-testid="phone-events">
              {call.events.map((e, i) => (
                <li key={i}>
                  <span className="tabular-nums text-slate-400">{e.at.slice(11, 19)}</span> <span className="font-medium">{e.type.replace(/_/g, ' ')}</span>
                  {e.detail ? <span className="text-slate-500">: {e.detail}</span> : null}
                </li>
              ))}
            </ul>
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-4 text-xs text-slate-700">
            <h2 className="mb-2 text-sm font-semibold text-ink">Usage</h2>
            {call.usage ? (
              <p>
                {call.usage.requests} responses, {call.usage.inputTokens} input and {call.usage.outputTokens} output tokens ({call.backend === 'local' ? 'local engine' : 'OpenAI'})
              </p>
            ) : (
              <p>{live ? 'Counted when the call ends.' : 'Not recorded.'}</p>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
