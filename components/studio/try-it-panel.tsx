'use client';

import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { mintStudioTry, runStudioTryTool } from '@/app/actions/studio-try';
import type { StudioAgentView } from '@/lib/contracts/studio-view';
import { greetingInstructions, studioToAgentConfig } from '@/lib/shared/studio-agent-runtime';
import { StudioTrySession, type TryMode } from '@/lib/studio/try-session';

/**
 * "Try it": talk to (or type to) the saved version of this agent in the browser, through the same
 * mint and realtime core as every other call. The agent greets first, as on the phone; a version
 * saved during the chat is applied to it at once. Its lookups and webhook tools run on the server
 * (runStudioTryTool, the phone path's executors) and each run is listed with its result.
 */
export function TryItPanel({ agent, version }: { agent: StudioAgentView; version: number }) {
  const setup = useMemo(
    () => ({
      agent: studioToAgentConfig(agent),
      greetingInstructions: greetingInstructions(agent),
      mint: (input: { transport?: 'webrtc' | 'websocket' }) => mintStudioTry({ agentId: agent.id, transport: input.transport }),
      runTool: async (tool: string, args: Record<string, unknown>) => {
        const ran = await runStudioTryTool({ agentId: agent.id, tool, args });
        return ran.ok ? ran.data : { ok: false, result: { error: ran.error.message } };
      },
      version,
    }),
    [agent, version],
  );
  // One session for the page's life; a newly saved version is used from the next start.
  const [session] = useState(() => new StudioTrySession(setup));
  useEffect(() => void session.update(setup), [session, setup]);
  useEffect(() => () => session.dispose(), [session]);
  const connection = useStore(session.store, (s) => s.connection);
  const error = useStore(session.store, (s) => s.error);
  const transcript = useStore(session.store, (s) => s.transcript);
  const playing = useStore(session.store, (s) => s.playing);
  const [text, setText] = useState('');
  const live = connection === 'connected';
  const tryState = useStore(session.state);
  const liveVersion = live ? tryState.liveVersion : null;

  const start = (mode: TryMode) => void session.start(mode);
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (session.send(text)) setText('');
  };

  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="try-it">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">Try it</h2>
        <span className="text-xs text-slate-500" data-testid="try-status">
          {connection === 'connecting' ? 'Connecting…' : live ? (playing ? 'Agent speaking' : `Live · version ${liveVersion ?? version}`) : 'Not connected'}
        </span>
      </div>
      <p className="text-xs text-slate-600">Hear what callers hear: the saved version, in the browser. A save while you talk applies at once, as on a live call. Lookups and webhook tools run for real; a transfer only happens on a call.</p>
      <div className="flex flex-wrap gap-2">
        {live || connection === 'connecting' ? (
          <button type="button" onClick={() => session.stop()} className="rounded-lg border border-rose-300 px-3 py-2 text-sm text-rose-800" data-testid="try-stop">
            Hang up
          </button>
        ) : (
          <>
            <button type="button" onClick={() => start('voice')} className="rounded-lg bg-cue px-3 py-2 text-sm font-semibold text-white" data-testid="try-voice">
              Try it (voice)
            </button>
            <button type="button" onClick={() => start('text')} className="rounded-lg border border-slate-300 px-3 py-2 text-sm" data-testid="try-text">
              Try it (typing)
            </button>
          </>
        )}
      </div>
      {live && tryState.updateError && (
        <p role="alert" className="text-xs text-amber-800" data-testid="try-update-error">
          {tryState.updateError}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-rose-800" data-testid="try-error">
          {error.message}
        </p>
      )}
      {transcript.order.length > 0 && (
        <ol className="max-h-72 space-y-1 overflow-auto rounded-lg bg-slate-50 p-2 text-sm" data-testid="try-transcript">
          {transcript.order.map((id) => {
            const row = transcript.byId[id];
            if (!row) return null;
            const words = row.text || row.partial;
            if (!words) return null;
            return (
              <li key={id} data-role={row.role} data-testid={`try-line-${row.role}`}>
                <span className="font-semibold">{row.role === 'user' ? 'You' : 'Agent'}:</span> {words}
              </li>
            );
          })}
        </ol>
      )}
      {tryState.toolRuns.length > 0 && (
        <div className="space-y-1" data-testid="try-tools">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Tools run</h3>
          <ol className="max-h-48 space-y-1 overflow-auto text-xs">
            {tryState.toolRuns.map((run, i) => (
              <li key={i} className="rounded-lg bg-slate-50 p-2" data-testid="try-tool-run" data-tool={run.name} data-ok={run.ok ? 'true' : 'false'}>
                <span className={`font-mono font-semibold ${run.ok ? 'text-emerald-800' : 'text-rose-800'}`}>{run.name}</span>{' '}
                <span className="font-mono text-slate-600">{JSON.stringify(run.args)}</span>
                <pre className="mt-1 whitespace-pre-wrap break-words font-mono text-[11px] text-slate-700">{JSON.stringify(run.result).slice(0, 600)}</pre>
              </li>
            ))}
          </ol>
        </div>
      )}
      {live && (
        <form onSubmit={send} className="flex gap-2">
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Type what a caller would say" className="flex-1 rounded-lg border border-slate-300 px-3 py-2 text-sm" data-testid="try-input" aria-label="Message to the agent" />
          <button type="submit" className="rounded-lg bg-cue px-3 py-2 text-sm font-semibold text-white" data-testid="try-send">
            Send
          </button>
        </form>
      )}
    </section>
  );
}
