'use client';

import { useRealtimeController, useRealtimeStore } from '@/lib/realtime/use-realtime-store';
import type { Backend, RealtimeStatus, TransportKind } from '@/lib/realtime/types';

export type AgentOption = { id: string; name: string; model: string; purpose: string };

export function backendLabel(backend: Backend, model: string): string {
  return backend === 'local' ? 'Local engine (scripted, no AI)' : `OpenAI ${model}`;
}

const STATUS_STYLE: Record<RealtimeStatus, { pill: string; dot: string }> = {
  disconnected: { pill: 'bg-slate-100 text-slate-600 ring-slate-200', dot: 'bg-slate-400' },
  connecting: { pill: 'bg-amber-50 text-amber-800 ring-amber-200', dot: 'bg-amber-500 animate-pulse' },
  connected: { pill: 'bg-sky-50 text-sky-800 ring-sky-200', dot: 'bg-sky-500' },
  listening: { pill: 'bg-emerald-50 text-emerald-800 ring-emerald-200', dot: 'bg-emerald-500' },
  speaking: { pill: 'bg-indigo-50 text-indigo-800 ring-indigo-200', dot: 'bg-indigo-500 animate-pulse' },
  muted: { pill: 'bg-rose-50 text-rose-800 ring-rose-200', dot: 'bg-rose-500' },
};

function StatusPill() {
  const status = useRealtimeStore((s) => s.status);
  const style = STATUS_STYLE[status];
  return (
    <span
      role="status"
      aria-live="polite"
      className={`inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-medium capitalize ring-1 ring-inset ${style.pill}`}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${style.dot}`} />
      <span data-testid="status" data-status={status}>
        {status}
      </span>
    </span>
  );
}

function InputLevel() {
  const level = useRealtimeStore((s) => s.inputLevel);
  const active = useRealtimeStore((s) => s.micActive && !s.muted);
  return (
    <span
      data-testid="input-level"
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(level * 100)}
      className="relative h-2 w-20 overflow-hidden rounded-full bg-slate-200"
    >
      <span
        className={`absolute inset-y-0 left-0 rounded-full transition-[width] duration-75 ${active ? 'bg-emerald-500' : 'bg-slate-300'}`}
        style={{ width: `${Math.round(level * 100)}%` }}
      />
    </span>
  );
}

type Props = {
  agents: AgentOption[];
  agentId: string;
  onAgentChange: (id: string) => void;
  configuredBackend: Backend;
  micEnabled: boolean;
  onMicEnabledChange: (enabled: boolean) => void;
  transport: TransportKind;
  onTransportChange: (kind: TransportKind) => void;
  onConnect: () => void;
};

export function ConnectionBar(props: Props) {
  const controller = useRealtimeController();
  const connection = useRealtimeStore((s) => s.connection);
  const muted = useRealtimeStore((s) => s.muted);
  const micActive = useRealtimeStore((s) => s.micActive);
  const playing = useRealtimeStore((s) => s.playing);
  const liveBackend = useRealtimeStore((s) => s.backend);
  const liveModel = useRealtimeStore((s) => s.model);
  const selected = props.agents.find((a) => a.id === props.agentId);
  const idle = connection === 'disconnected';
  const badge =
    !idle && liveBackend && liveModel ? backendLabel(liveBackend, liveModel) : backendLabel(props.configuredBackend, selected?.model ?? '');

  return (
    <section aria-label="Connection" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        {idle ? (
          <button
            type="button"
            data-testid="connect-button"
            onClick={props.onConnect}
            className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-cue"
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
        <span
          data-testid="backend-badge"
          className="rounded-md bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700"
          title={props.configuredBackend === 'local' ? 'Replies are scripted by the local engine; no AI model is called.' : undefined}
        >
          {badge}
        </span>

        <div className="ml-auto flex flex-wrap items-center gap-3">
          <InputLevel />
          <button
            type="button"
            data-testid="mute-button"
            aria-pressed={muted}
            disabled={!micActive && !muted}
            onClick={() => controller.setMuted(!muted)}
            className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40 aria-pressed:border-rose-300 aria-pressed:bg-rose-50 aria-pressed:text-rose-800"
          >
            {muted ? 'Unmute' : 'Mute'}
          </button>
          <button
            type="button"
            data-testid="interrupt-button"
            disabled={!playing}
            onClick={() => controller.interrupt()}
            className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40"
          >
            Stop speaking
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
        {props.configuredBackend === 'openai' && (
          <label className="flex items-center gap-2">
            <span>Transport</span>
            <select
              data-testid="transport-select"
              value={props.transport}
              disabled={!idle}
              onChange={(e) => props.onTransportChange(e.target.value === 'websocket' ? 'websocket' : 'webrtc')}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 disabled:bg-slate-50"
            >
              <option value="webrtc">WebRTC</option>
              <option value="websocket">WebSocket</option>
            </select>
          </label>
        )}
        {selected && <span className="text-slate-500">{selected.purpose}</span>}
      </div>
    </section>
  );
}
