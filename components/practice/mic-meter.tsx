'use client';

import { NOISE_LIMITS } from '@/lib/practice/call/noise-watch';
import { useCallRealtime, useCallStore } from '@/lib/practice/call/use-practice-call';

/** The microphone's level, with a mark where sound starts to count as speech. Amber while noise is flagged. */
export function MicMeter({ wide = false }: { wide?: boolean }) {
  const level = useCallRealtime((s) => s.inputLevel);
  const muted = useCallRealtime((s) => s.muted);
  const noisy = useCallStore((s) => s.noise !== null);
  const percent = Math.round(level * 100);
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden className="text-slate-500">
        Mic
      </span>
      <span
        data-testid="call-input-level"
        data-level={percent}
        role="meter"
        aria-label={muted ? 'Microphone level (muted)' : 'Microphone level'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className={`relative h-2 overflow-hidden rounded-full bg-slate-200 ${wide ? 'w-40' : 'w-20'}`}
      >
        <span
          className={`absolute inset-y-0 left-0 rounded-full transition-[width] duration-75 ${muted ? 'bg-slate-300' : noisy ? 'bg-amber-500' : 'bg-emerald-500'}`}
          style={{ width: `${percent}%` }}
        />
        <span aria-hidden title="Speech threshold" className="absolute inset-y-0 w-px bg-slate-500/60" style={{ left: `${NOISE_LIMITS.floorLevel * 100}%` }} />
      </span>
    </span>
  );
}
