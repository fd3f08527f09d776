'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { startPracticeSession } from '@/app/actions/practice';
import type { ScenarioProgressSummary } from '@/lib/contracts/practice-session';
import { DIFFICULTIES, type Difficulty, type ScenarioEntry } from '@/lib/contracts/scenario';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';

/** One scenario: who the client is, the domain, difficulty, time limit, your record, and Start call. */
export function ScenarioCard({ entry, progress }: { entry: ScenarioEntry; progress: ScenarioProgressSummary | undefined }) {
  const { scenario, source } = entry;
  const router = useRouter();
  const [difficulty, setDifficulty] = useState<Difficulty>(scenario.defaultDifficulty);
  const [typeOnly, setTypeOnly] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const result = await startPracticeSession({ scenarioId: scenario.id, difficulty });
      if (!result.ok) {
        setError(result.error.message);
        setStarting(false);
        return;
      }
      router.push(`/practice/call/${result.data.session.id}?start=${typeOnly ? 'none' : 'mic'}`);
    } catch {
      setError('The Cue server could not be reached. Check your connection and try again.');
      setStarting(false);
    }
  };

  return (
    <article data-testid="scenario-card" data-scenario-id={scenario.id} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-base font-semibold text-ink">{scenario.title}</h3>
        <span className={`shrink-0 rounded-full px-2 py-0.5 text-[11px] font-medium ${source === 'builtin' ? 'bg-slate-100 text-slate-600' : 'bg-cue-soft text-cue'}`}>
          {source === 'builtin' ? 'Built-in' : 'Custom'}
        </span>
      </div>
      <p className="mt-1 text-sm font-medium text-slate-700">
        {scenario.persona.name} <span className="font-normal text-slate-500">· {scenario.persona.role}</span>
      </p>
      <div className="mt-2 flex-1">
        <p className="line-clamp-4 text-sm leading-6 text-slate-600" title={scenario.summary}>
          {scenario.summary}
        </p>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        You play: {scenario.userRole} · {scenario.timeLimitMinutes} min limit
      </p>
      {progress ? (
        <p className="mt-1 text-xs text-slate-600" data-testid="card-progress">
          {progress.attempts} {progress.attempts === 1 ? 'attempt' : 'attempts'}
          {progress.bestScore !== null ? ` · best ${progress.bestScore}/10` : ''}
          {progress.latestScore !== null ? ` · last ${progress.latestScore}/10` : ''}
        </p>
      ) : null}
      <fieldset className="mt-4">
        <legend className="text-xs font-medium uppercase tracking-wide text-slate-500">Difficulty</legend>
        <div className="mt-1 grid grid-cols-3 gap-1 rounded-lg bg-slate-100 p-1">
          {DIFFICULTIES.map((level) => (
            <label
              key={level}
              title={DIFFICULTY_PROFILES[level].patience}
              data-testid={`difficulty-option-${level}`}
              className={`cursor-pointer rounded-md px-2 py-1 text-center text-sm font-medium has-[:focus-visible]:outline-none has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-cue has-[:focus-visible]:ring-offset-1 ${difficulty === level ? 'bg-white text-ink shadow-sm' : 'text-slate-600 hover:text-ink'}`}
            >
              <input
                type="radio"
                name={`difficulty-${scenario.id}`}
                value={level}
                data-testid={`difficulty-${level}`}
                checked={difficulty === level}
                onChange={() => setDifficulty(level)}
                className="sr-only"
              />
              {DIFFICULTY_PROFILES[level].label}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">{DIFFICULTY_PROFILES[difficulty].patience}</p>
      </fieldset>
      <label className="mt-3 flex items-center gap-2 text-xs text-slate-600">
        <input type="checkbox" checked={typeOnly} onChange={(e) => setTypeOnly(e.target.checked)} className="h-3.5 w-3.5 accent-cue" />
        Type instead of speaking (no microphone)
      </label>
      {error ? (
        <p role="alert" className="mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      ) : null}
      <div className="mt-4 flex items-center justify-between gap-2">
        <button
          type="button"
          data-testid="start-call"
          disabled={starting}
          onClick={() => void start()}
          className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-cue focus-visible:ring-offset-2 disabled:opacity-60"
        >
          {starting ? 'Starting…' : 'Start call'}
        </button>
        <Link href={`/history?scenario=${encodeURIComponent(scenario.id)}`} className="text-xs text-slate-500 hover:text-cue">
          Progress →
        </Link>
      </div>
    </article>
  );
}
