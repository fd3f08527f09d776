'use client';

import { useEffect, useState } from 'react';
import '@/lib/shared/zod-jitless';
import { readinessFrom, serviceProblems, type ServiceProblem } from '@/lib/shared/service-status';

/** How often the page asks /api/ready: often while something is down, rarely while all is well. */
const POLL_OK_MS = 3_000;
const POLL_DOWN_MS = 1_500;

async function fetchProblems(): Promise<ServiceProblem[]> {
  try {
    const res = await fetch('/api/ready', { cache: 'no-store', signal: AbortSignal.timeout(4_000) });
    return serviceProblems(readinessFrom(await res.json()));
  } catch {
    return serviceProblems(null);
  }
}

/**
 * A banner under the nav while the database or the local engine is not answering (GET
 * /api/ready, polled while the tab is visible). Says what is wrong in words, and goes away by
 * itself when it is back.
 */
export function ServiceStatusBanner() {
  const [problems, setProblems] = useState<ServiceProblem[]>([]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const next = document.visibilityState === 'hidden' ? null : await fetchProblems();
      if (stopped) return;
      if (next) setProblems(next);
      timer = setTimeout(tick, next && next.length > 0 ? POLL_DOWN_MS : POLL_OK_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  if (problems.length === 0) return null;
  return (
    <div role="status" aria-live="polite" data-testid="service-banner" className="border-b border-amber-300 bg-amber-50">
      <ul className="mx-auto max-w-6xl px-4 py-2 text-sm text-amber-900">
        {problems.map((p) => (
          <li key={p.key} data-testid={`service-banner-${p.key}`}>
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
