'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { appendTranscriptItem, endPracticeSession, getSession, recordTurnTag } from '@/app/actions/practice';
import { mintClientSecret } from '@/app/actions/realtime';
import { PracticeCallController, type PracticeCallSetup } from '@/lib/practice/call/practice-call-controller';
import { PracticeCallContext } from '@/lib/practice/call/use-practice-call';
import { whenIdle } from '@/lib/shared/when-idle';

/** Creates the call's controller once (with the real server actions) and releases it on unmount. */
export function PracticeCallProvider({ setup, children }: { setup: PracticeCallSetup; children: ReactNode }) {
  const [call] = useState(() => new PracticeCallController(setup, { mint: mintClientSecret, appendTranscriptItem, recordTurnTag, endPracticeSession, getSession }));
  useEffect(() => {
    call.activate();
    const cancelPrefetch = whenIdle(() => call.prefetch());
    return () => {
      cancelPrefetch();
      call.dispose();
    };
  }, [call]);
  return <PracticeCallContext.Provider value={call}>{children}</PracticeCallContext.Provider>;
}
