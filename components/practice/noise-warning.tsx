'use client';

import type { NoiseKind } from '@/lib/practice/call/noise-watch';
import { useCallStore, usePracticeCall } from '@/lib/practice/call/use-practice-call';
import { CALL_MESSAGE_INPUT_ID } from './call-composer';
import { MicMeter } from './mic-meter';
import { useNow } from './use-now';

const smallButton = 'rounded-md px-3 py-1 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-amber-500';

function why(kind: NoiseKind, seconds: number): string {
  if (kind === 'cutoffs') return 'The client has been cut off again and again by sound with no words in it.';
  return `Cue has heard sound without a pause for ${seconds} s, and the client waits for you to pause before answering.`;
}

/** Continuous noise is stalling the call: say so plainly, with the way out one click away. */
export function NoiseWarning() {
  const call = usePracticeCall();
  const noise = useCallStore((s) => s.noise);
  const now = useNow(noise !== null);
  if (!noise) return null;
  const seconds = Math.max(1, Math.round((now - noise.since) / 1000));

  const typeInstead = () => {
    call.muteForNoise();
    document.getElementById(CALL_MESSAGE_INPUT_ID)?.focus();
  };

  return (
    <div role="alert" data-testid="noise-warning" data-kind={noise.kind} className="flex flex-wrap items-start gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm leading-6 text-amber-950">
      <div className="min-w-0 flex-1 basis-80 space-y-1">
        <p>
          <strong className="font-semibold">Your microphone is picking up continuous noise, so the client keeps stopping.</strong> Mute, use
          headphones, or type your answer.
        </p>
        <p className="text-amber-900">{why(noise.kind, seconds)}</p>
        <MicMeter wide />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" data-testid="noise-mute" onClick={() => call.muteForNoise()} className={`${smallButton} bg-amber-700 text-white hover:bg-amber-800`}>
          Mute
        </button>
        <button type="button" data-testid="noise-type-instead" onClick={typeInstead} className={`${smallButton} border border-amber-400 bg-white text-amber-900 hover:bg-amber-100`}>
          Type instead
        </button>
        <button type="button" data-testid="noise-dismiss" onClick={() => call.dismissNoise()} className={`${smallButton} text-amber-900 underline-offset-2 hover:underline`}>
          It’s me talking
        </button>
      </div>
    </div>
  );
}
