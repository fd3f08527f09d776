'use client';

import { useEffect, useState } from 'react';
import { useRealtimeController, useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';

/** Whole seconds until `at` (epoch ms), ticking once a second; 0 when it has passed or there is none. */
function useSecondsUntil(at: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [at]);
  return at === undefined ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The current error in words, with Retry (when a connect can be retried) and Dismiss. When the
 * service asked to wait (Retry-After), it counts down: "Retrying in N s…" while the connect
 * waits on its own, "Retry in N s" on a Retry button that unlocks when the wait is over.
 */
export function ErrorBanner() {
  const controller = useRealtimeController();
  const error = useRealtimeStore((s) => s.error);
  const idle = useRealtimeStore((s) => s.connection === 'disconnected');
  const [retrying, setRetrying] = useState(false);
  const wait = useSecondsUntil(error?.retryAt);
  if (!error) return null;
  const canRetry = idle && controller.lastConnectOptions !== null;
  const countdown = wait > 0 ? (idle ? ` You can retry in ${wait} s.` : ` Retrying in ${wait} s…`) : '';

  const retry = async () => {
    setRetrying(true);
    try {
      await controller.retry();
    } finally {
      setRetrying(false);
    }
  };

  return (
    <div
      role="alert"
      data-testid="error-banner"
      data-code={error.code}
      data-wait={wait}
      className="flex flex-wrap items-start gap-3 rounded-xl border border-rose-200 bg-rose-50 px-4 py-3 text-rose-900"
    >
      <p className="min-w-0 flex-1 text-sm leading-6">
        {error.message}
        {countdown && <span data-testid="retry-countdown">{countdown}</span>}
      </p>
      <div className="flex gap-2">
        {canRetry && (
          <button
            type="button"
            data-testid="retry-button"
            disabled={retrying || wait > 0}
            onClick={retry}
            className="rounded-md bg-rose-700 px-3 py-1 text-sm font-medium text-white hover:bg-rose-800 disabled:opacity-50"
          >
            {wait > 0 ? `Retry in ${wait} s` : 'Retry'}
          </button>
        )}
        <button
          type="button"
          data-testid="dismiss-button"
          onClick={() => controller.dismissError()}
          className="rounded-md border border-rose-300 px-3 py-1 text-sm font-medium text-rose-800 hover:bg-rose-100"
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** Shown while the controller reconnects a dropped session on its own. */
export function ReconnectNotice() {
  const reconnecting = useRealtimeStore((s) => s.reconnecting);
  if (!reconnecting) return null;
  return (
    <div
      role="status"
      data-testid="reconnect-notice"
      className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
    >
      The connection dropped. Reconnecting (attempt {reconnecting.attempt} of {reconnecting.maxAttempts})… The transcript is kept and hints carry on once it is back.
    </div>
  );
}
