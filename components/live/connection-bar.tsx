'use client';

import type { RefObject } from 'react';
import { prefetchLiveCall } from '@/lib/live/live-agents';
import type { EngineSpeech } from '@/lib/contracts/engine-speech';
import type { Backend } from '@/lib/realtime/store/types';
import { useRealtimeController, useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';
import { BackendBadge } from './backend-badge';
import { ElapsedTime, InputLevel, InputSourceBadge, StatusPill } from './status-parts';

export type AgentOption = { id: string; name: string; model: string; purpose: string };

type Props = {
  agents: AgentOption[];
  agentId: string;
  onAgentChange: (id: string) => void;
  configuredBackend: Backend;
  /** The local engine's speech, from its health check (null: unknown or OpenAI). */
  engineSpeech: EngineSpeech | null;
  /** The model the next connection will use (from the settings). */
  model: string;
  /** The next connection asks for OpenAI tracing (from the settings). */
  tracing: boolean;
  micEnabled: boolean;
  onMicEnabledChange: (enabled: boolean) => void;
  /** "Connect", or "Continue meeting" when a transcript is on screen. */
  connectLabel: string;
  onConnect: () => void;
  /** Not yet: the saved settings are still being read. */
  connectDisabled?: boolean;
  onOpenSettings: () => void;
  /** The Settings button, focused again when the dialog closes. */
  settingsButtonRef: RefObject<HTMLButtonElement | null>;
};

/** Connect / disconnect, the status bar (status, time, level, what it hears) and the call's options. */
export function ConnectionBar({ settingsButtonRef, ...props }: Props) {
  const controller = useRealtimeController();
  const connection = useRealtimeStore((s) => s.connection);
  const liveBackend = useRealtimeStore((s) => s.backend);
  const liveModel = useRealtimeStore((s) => s.model);
  const selected = props.agents.find((a) => a.id === props.agentId);
  const idle = connection === 'disconnected';
  const liveTracing = useRealtimeStore((s) => s.tracing);
  const tracing = idle ? props.tracing : liveTracing;

  return (
    <section aria-label="Connection" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        {idle ? (
          <button
            type="button"
            data-testid="connect-button"
            onClick={props.onConnect}
            onPointerEnter={prefetchLiveCall}
            onFocus={prefetchLiveCall}
            disabled={props.connectDisabled}
            title={props.connectDisabled ? 'Reading your saved settings…' : undefined}
            className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-cue disabled:opacity-60"
          >
            {props.connectLabel}
          </button>
        ) : (
          <button
            type="button"
            data-testid="disconnect-button"
            onClick={() => controller.disconnect()}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-cue"
          >
            {connection === 'connecting' ? 'Cancel' : 'Disconnect'}
          </button>
        )}
        <StatusPill />
        <ElapsedTime />
        <InputLevel />
        <InputSourceBadge />
        <div className="ml-auto flex flex-wrap items-center gap-3">
          {tracing && <TracingBadge local={(idle ? props.configuredBackend : liveBackend) === 'local'} />}
          {!idle && liveBackend ? <BackendBadge backend={liveBackend} model={liveModel} speech={props.engineSpeech} /> : <BackendBadge backend={props.configuredBackend} model={props.model} speech={props.engineSpeech} />}
          <button
            ref={settingsButtonRef}
            type="button"
            data-testid="settings-button"
            onClick={props.onOpenSettings}
            className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            Settings
          </button>
        </div>
      </div>

      <div className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm text-slate-600">
        <label className="flex items-center gap-2">
          <span>Agent</span>
          <select
            data-testid="agent-select"
            value={props.agentId}
            disabled={!idle}
            onChange={(e) => props.onAgentChange(e.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 disabled:bg-slate-50"
          >
            {props.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            data-testid="mic-toggle"
            checked={props.micEnabled}
            disabled={!idle}
            onChange={(e) => props.onMicEnabledChange(e.target.checked)}
            className="h-4 w-4 accent-cue"
          />
          <span>Use microphone</span>
        </label>
        {selected && <span className="text-slate-500">{selected.purpose}</span>}
      </div>
    </section>
  );
}

/** Says that OpenAI tracing is on: what is said in the meeting is stored outside this browser. */
function TracingBadge({ local }: { local: boolean }) {
  return (
    <span
      data-testid="tracing-badge"
      className="rounded-md bg-amber-100 px-2 py-1 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300"
      title={
        local
          ? 'The local engine keeps no traces; with OpenAI this session would be recorded in the traces dashboard. Turn it off in Settings.'
          : "This session's audio and transcripts are recorded in your OpenAI project's traces dashboard. Turn it off in Settings."
      }
    >
      Tracing on: audio and text go to your OpenAI traces
    </span>
  );
}
