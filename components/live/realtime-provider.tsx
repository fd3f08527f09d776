'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { mintClientSecret } from '@/app/actions/realtime';
import { RealtimeController } from '@/lib/realtime/controller';
import { createRealtimeStore } from '@/lib/realtime/store';
import { RealtimeContext, type RealtimeContextValue } from '@/lib/realtime/use-realtime-store';

/** Creates the page's realtime store and controller once, and releases the session on unmount. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [value] = useState<RealtimeContextValue>(() => {
    const store = createRealtimeStore();
    return { store, controller: new RealtimeController({ store, mint: mintClientSecret }) };
  });
  useEffect(() => () => value.controller.dispose(), [value]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
