'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import type { PracticeCallSetup } from '@/lib/practice/call/practice-call-controller';
import { useCallStore, usePracticeCall } from '@/lib/practice/call/use-practice-call';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import { CallBanners } from './call-banners';
import { CallClock } from './call-clock';
import { CallComposer } from './call-composer';
import { CallEnding } from './call-ending';
import { CallLivePanel } from './call-live-panel';
import { CallReady } from './call-ready';
import { CallTranscript } from './call-transcript';
import { LeaveCallDialog } from './leave-call-dialog';
import { PracticeCallProvider } from './practice-call-provider';

type Props = { setup: PracticeCallSetup; backend: 'local' | 'openai'; autostart: 'mic' | 'none' | null };

/** The practice call page: briefing, the call itself (transcript, live panel, clock), then the debrief. */
export function PracticeCall({ setup, backend, autostart }: Props) {
  return (
    <PracticeCallProvider setup={setup}>
      <PracticeCallBody setup={setup} backend={backend} autostart={autostart} />
    </PracticeCallProvider>
  );
}

function PracticeCallBody(props: Props) {
  const savedUserTurns = (props.setup.savedItems ?? []).filter((i) => i.speaker === 'user').length;
  return (
    <>
      <LeaveCallDialog savedUserTurns={savedUserTurns} />
      <CallPage {...props} />
    </>
  );
}

function CallPage({ setup, backend, autostart }: Props) {
  const call = usePracticeCall();
  const phase = useCallStore((s) => s.phase);
  const { scenario, difficulty } = setup;

  // Arriving from "Start call" (the click still counts as a gesture for audio): join at once.
  // Otherwise (a page restored by Back, a link from History) check first that the call is still open.
  useEffect(() => {
    if (autostart) window.history.replaceState(window.history.state, '', window.location.pathname);
    const activated = typeof navigator === 'undefined' || !('userActivation' in navigator) || navigator.userActivation.hasBeenActive;
    if (!autostart || !activated) {
      void call.checkStillOpen();
      return;
    }
    const timer = setTimeout(() => void call.start(autostart), 0);
    return () => clearTimeout(timer);
  }, [autostart, call]);

  if (phase === 'ending' || phase === 'ended' || phase === 'end_failed') return <CallEnding scenario={scenario} />;

  return (
    <div className="space-y-4" data-testid="practice-call" data-phase={phase}>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1 basis-[28rem]">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
            Practice call · {DIFFICULTY_PROFILES[difficulty].label} ·{' '}
            {backend === 'local' ? 'local engine (scripted, no AI)' : 'OpenAI realtime'}
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink">{scenario.title}</h1>
          <p className="mt-1 text-sm text-slate-600">
            You are the {scenario.userRole.charAt(0).toLowerCase() + scenario.userRole.slice(1)}. Talking to{' '}
            <strong className="font-medium text-slate-800">{scenario.persona.name}</strong>, {scenario.persona.role}.
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-3">
          <CallClock limitSeconds={setup.timeLimitSeconds} />
          {phase === 'live' || phase === 'lost' ? (
            <button
              type="button"
              data-testid="end-call-button"
              onClick={() => void call.end('user')}
              className="rounded-lg bg-rose-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-rose-700"
            >
              End call &amp; get debrief
            </button>
          ) : (
            <Link href="/practice" className="text-sm text-slate-600 hover:text-cue">
              Back to scenarios
            </Link>
          )}
        </div>
      </header>
      <CallBanners />
      {phase === 'ready' || phase === 'connecting' ? <CallReady setup={setup} /> : null}
      {phase === 'live' || phase === 'lost' ? (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <section
            aria-label="Conversation"
            className="flex h-[60vh] min-h-[24rem] min-w-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm lg:h-[calc(100vh-16rem)]"
          >
            <CallTranscript personaName={scenario.persona.name} />
            <CallComposer />
          </section>
          <CallLivePanel difficulty={difficulty} personaName={scenario.persona.name} />
        </div>
      ) : null}
    </div>
  );
}
