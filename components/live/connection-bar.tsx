'use client';

import { prefetchLiveCall } from '@/lib/live/live-agents';
import type { Backend } from '@/lib/realtime/store/types';
import { useRealtimeController, useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';
import { ElapsedTime, InputLevel, InputSourceBadge, StatusPill } from './status-parts';

export type AgentOption = { id: string; name: string; model: string; purpose: string };

export function backendLabel(backend: Backend, model: string): string {
  return backend === 'local' ? 'Local engine (scripted, no AI)' : `OpenAI ${model}`;
}

type Props = {
  agents: AgentOption[];
  agentId: string;
  onAgentChange: (id: string) => void;
  configuredBackend: Backend;
  /** The model the next connection will use (from the settings). */
  model: string;
  micEnabled: boolean;
  onMicEnabledChange: (enabled: boolean) => void;
  onConnect: () => void;
  /** Not yet: the saved settings are still being read. */
  connectDisabled?: boolean;
  onOpenSettings: () => void;
};

/** Connect / disconnect, the status bar (status, time, level, what it hears) and the call's options. */
export function ConnectionBar(props: Props) {
  const controller = useRealtimeController();
  const connection = useRealtimeStore((s) => s.connection);
  const liveBackend = useRealtimeStore((s) => s.backend);
  const liveModel = useRealtimeStore((s) => s.model);
  const selected = props.agents.find((a) => a.id === props.agentId);
  const idle = connection === 'disconnected';
  const badge = !idle && liveBackend && liveModel ? backendLabel(liveBackend, liveModel) : backendLabel(props.configuredBackend, props.model);

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
            Connect
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
          <span
            data-testid="backend-badge"
            className="rounded-md bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700"
            title={props.configuredBackend === 'local' ? 'Replies are scripted by the local engine; no AI model is called.' : undefined}
          >
            {badge}
          </span>
          <button
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
