'use client';

import { callClock } from '@/lib/practice/call/live-panel';
import { formatClock } from '@/lib/shared/format';
import { useCallStore } from '@/lib/practice/call/use-practice-call';
import { useNow } from './use-now';

/** Time left in the call; turns amber in the last minute. The controller ends the call at zero. */
export function CallClock({ limitSeconds }: { limitSeconds: number }) {
  const startedAt = useCallStore((s) => s.clockStartedAt);
  const offset = useCallStore((s) => s.clockOffsetSeconds);
  const running = useCallStore((s) => s.phase === 'live');
  const now = useNow(running);
  const clock = callClock(startedAt, now, limitSeconds, offset);
  return (
    <div
      data-testid="call-timer"
      data-remaining={clock.remainingSeconds}
      role="timer"
      aria-label={`${formatClock(clock.remainingSeconds * 1000)} left of ${formatClock(limitSeconds * 1000)}`}
      className={`rounded-lg border px-3 py-1.5 text-right tabular-nums ${
        clock.warning && running ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-slate-200 bg-white text-slate-800'
      }`}
    >
      <span className="block text-lg font-semibold leading-6">{formatClock(clock.remainingSeconds * 1000)}</span>
      <span className="block text-[11px] uppercase tracking-wide text-slate-500">left of {formatClock(limitSeconds * 1000)}</span>
    </div>
  );
}
