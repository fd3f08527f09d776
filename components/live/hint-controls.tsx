'use client';

import type { HintCard } from '@/lib/live/hints/hint-types';
import type { RealtimeState } from '@/lib/realtime/store/store';
import { useHintSession, useHintStore } from '@/lib/live/live-context';
import { useRealtimeController, useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';

const KIND_LABEL = { quick: 'Quick hint', full: 'Full guidance' } as const;

/** Mute works from the moment a call starts (the capture picks it up when it starts), never for a text-only call. */
export function canToggleMute(s: RealtimeState): boolean {
  return s.muted || (s.connection !== 'disconnected' && s.input.source !== 'none');
}

function Kbd({ children }: { children: string }) {
  return <kbd className="ml-1.5 rounded border border-current/30 px-1 font-mono text-[11px] opacity-70">{children}</kbd>;
}

function activeText(card: HintCard): string {
  const kind = KIND_LABEL[card.kind];
  return card.status === 'requested' ? `Preparing ${kind.toLowerCase()}…` : `${kind} playing…`;
}

type Props = { hintAgent: boolean };

/** Quick Hint, Full Guidance, Interrupt and Mute, with their shortcuts and the call's hint count. */
export function HintControls({ hintAgent }: Props) {
  const hints = useHintSession();
  const controller = useRealtimeController();
  const connected = useRealtimeStore((s) => s.connection === 'connected');
  const playing = useRealtimeStore((s) => s.playing);
  const muted = useRealtimeStore((s) => s.muted);
  const canMute = useRealtimeStore(canToggleMute);
  const active = useHintStore((s) => s.activeHint);
  const stats = useHintStore((s) => s.hintStats);
  const canHint = connected && hintAgent && (stats.cap === null || stats.fired < stats.cap);
  const button =
    'inline-flex items-center rounded-lg px-3 py-1.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-cue disabled:cursor-not-allowed disabled:opacity-40';

  return (
    <section aria-label="Hints" className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <button type="button" data-testid="hint-quick-button" disabled={!canHint} onClick={() => hints.request('quick', 'button')} className={`${button} bg-amber-500 text-white hover:bg-amber-600`}>
        Quick hint<Kbd>H</Kbd>
      </button>
      <button type="button" data-testid="hint-full-button" disabled={!canHint} onClick={() => hints.request('full', 'button')} className={`${button} bg-cue text-white hover:bg-indigo-700`}>
        Full guidance<Kbd>G</Kbd>
      </button>
      <button
        type="button"
        data-testid="interrupt-button"
        disabled={!playing && active?.status !== 'speaking'}
        onClick={() => hints.interrupt('button')}
        className={`${button} border border-rose-300 bg-white text-rose-700 hover:bg-rose-50`}
      >
        Interrupt<Kbd>Esc</Kbd>
      </button>
      <button
        type="button"
        data-testid="mute-button"
        aria-pressed={muted}
        disabled={!canMute}
        onClick={() => controller.setMuted(!muted)}
        className={`${button} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 aria-pressed:border-rose-300 aria-pressed:bg-rose-50 aria-pressed:text-rose-800`}
      >
        {muted ? 'Unmute' : 'Mute'}
        <Kbd>M</Kbd>
      </button>

      <div className="ml-auto flex min-w-0 flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        {active ? (
          <span data-testid="active-hint" data-status={active.status} className="font-medium text-indigo-700">
            {activeText(active)}
          </span>
        ) : null}
        {stats.lastSuppressed ? (
          <span data-testid="hint-suppressed" className="truncate text-amber-700" title={stats.lastSuppressed}>
            {stats.lastSuppressed}
          </span>
        ) : null}
        <span data-testid="hint-count" className="text-slate-500">
          {hintAgent ? `${stats.fired}${stats.cap === null ? '' : ` / ${stats.cap}`} hints` : 'Hints need the hint assistant'}
        </span>
      </div>
    </section>
  );
}
