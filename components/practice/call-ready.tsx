'use client';

import { useState } from 'react';
import type { PracticeCallSetup } from '@/lib/practice/call/practice-call-controller';
import { useCallStore, usePracticeCall } from '@/lib/practice/call/use-practice-call';
import { difficultyProfile } from '@/lib/contracts/difficulty';

/** Before the call (or after a reload mid-call): the briefing and how to join. */
export function CallReady({ setup }: { setup: PracticeCallSetup }) {
  const call = usePracticeCall();
  const connecting = useCallStore((s) => s.phase === 'connecting');
  const [useMic, setUseMic] = useState(true);
  const { scenario, difficulty } = setup;
  const saved = setup.savedItems ?? [];
  const resumed = saved.length > 0;
  const profile = difficultyProfile(difficulty);

  return (
    <section data-testid="call-ready" className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="space-y-3">
        {resumed ? (
          <div className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="call-interrupted">
            This call was interrupted (the page was closed or the server restarted). {saved.length}{' '}
            {saved.length === 1 ? 'utterance was' : 'utterances were'} saved. Continue where you left off, or end it for your debrief.
          </div>
        ) : null}
        <h2 className="text-lg font-semibold text-ink">Briefing</h2>
        <p className="text-sm leading-6 text-slate-700">{scenario.summary}</p>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
          <dt className="text-slate-500">Client</dt>
          <dd className="text-slate-800">
            {scenario.persona.name} — {scenario.persona.style}
          </dd>
          <dt className="text-slate-500">Difficulty</dt>
          <dd className="text-slate-800">
            {profile.label}: {profile.patience}
          </dd>
          <dt className="text-slate-500">Time limit</dt>
          <dd className="text-slate-800">{scenario.timeLimitMinutes} minutes; the call ends on its own at the limit.</dd>
          <dt className="text-slate-500">Aim for</dt>
          <dd className="text-slate-800">
            <ul className="list-disc space-y-0.5 pl-4">
              {scenario.successCriteria.map((c) => (
                <li key={c.text}>{c.text}</li>
              ))}
            </ul>
          </dd>
        </dl>
        {resumed ? (
          <ol className="max-h-56 space-y-1 overflow-y-auto rounded-lg bg-slate-50 p-3 text-sm" aria-label="Saved transcript">
            {saved.map((i) => (
              <li key={i.itemId}>
                <span className="font-medium text-slate-500">{i.speaker === 'user' ? 'You' : scenario.persona.name}:</span> {i.text}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
      <div className="flex flex-col justify-end gap-3 rounded-lg bg-cue-soft p-4">
        <p className="text-sm text-slate-700">
          {resumed ? `${scenario.persona.name} will pick up where you left off.` : `${scenario.persona.name} speaks first. Answer out loud, or type.`}
        </p>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" data-testid="use-mic" checked={useMic} onChange={(e) => setUseMic(e.target.checked)} className="h-4 w-4 accent-cue" />
          Use my microphone
        </label>
        <button
          type="button"
          data-testid="start-call-button"
          disabled={connecting}
          onClick={() => void call.start(useMic ? 'mic' : 'none')}
          onPointerEnter={() => call.prefetch()}
          onFocus={() => call.prefetch()}
          className="rounded-lg bg-cue px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60"
        >
          {connecting ? 'Connecting…' : resumed ? 'Continue the call' : 'Start the call'}
        </button>
        {resumed ? (
          <button
            type="button"
            data-testid="end-interrupted-button"
            disabled={connecting}
            onClick={() => void call.end('disconnected')}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            End call &amp; get debrief
          </button>
        ) : null}
      </div>
    </section>
  );
}
