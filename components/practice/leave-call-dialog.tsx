'use client';

import { useRouter } from 'next/navigation';
import { lazy, Suspense, useState } from 'react';
import { useCallStore, usePracticeCall } from '@/lib/practice/call/use-practice-call';
import type { RealtimeState } from '@/lib/realtime/store/store';
import { displayText } from '@/lib/realtime/store/transcript';
import { useLinkGuard, useUnloadWarning } from './use-link-guard';

type Props = { savedUserTurns: number };

// The dialog (Radix) loads when a link is clicked during a call, not with the page.
const LeaveCallPrompt = lazy(() => import('./leave-call-prompt').then((m) => ({ default: m.LeaveCallPrompt })));

function userHasSpoken(transcript: RealtimeState['transcript']): boolean {
  return transcript.order.some((id) => {
    const row = transcript.byId[id];
    return row?.role === 'user' && displayText(row).trim() !== '';
  });
}

/**
 * Leaving a call by an in-app link asks first. Leaving ends the call properly, so what was
 * said gets its debrief (in History); with nothing said yet the call is just left, and stays
 * resumable as unfinished. Reload and close get the browser's own prompt.
 */
export function LeaveCallDialog({ savedUserTurns }: Props) {
  const call = usePracticeCall();
  const router = useRouter();
  const phase = useCallStore((s) => s.phase);
  const endError = useCallStore((s) => s.endError);
  const [href, setHref] = useState<string | null>(null);
  const [hasWords, setHasWords] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const inCall = phase === 'live' || phase === 'lost' || phase === 'connecting';

  useUnloadWarning(inCall);
  useLinkGuard(inCall && !leaving, (target) => {
    setHasWords(savedUserTurns > 0 || userHasSpoken(call.realtimeStore.getState().transcript));
    setHref(target);
  });

  const leave = async () => {
    if (!href) return;
    setLeaving(true);
    if (hasWords) {
      await call.end('user');
      if (call.store.getState().phase !== 'ended') {
        setLeaving(false);
        return;
      }
    } else {
      call.dispose();
    }
    router.push(href);
  };

  const failed = phase === 'end_failed' && href !== null;
  const close = () => {
    if (leaving) return;
    setHref(null);
  };

  if (href === null) return null;
  return (
    <Suspense fallback={null}>
      <LeaveCallPrompt
        hasWords={hasWords}
        leaving={leaving}
        failed={failed}
        endErrorMessage={endError?.message ?? null}
        onClose={close}
        onLeave={() => void leave()}
        onLeaveAnyway={() => router.push(href)}
      />
    </Suspense>
  );
}
