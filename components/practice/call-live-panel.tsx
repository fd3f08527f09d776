'use client';

import { useMemo } from 'react';
import { MOOD_LABEL, MOOD_LEVEL, panelState } from '@/lib/practice/call/live-panel';
import { useCallStore } from '@/lib/practice/call/use-practice-call';
import type { Sentiment } from '@/lib/contracts/turn-tag';
import type { Difficulty } from '@/lib/contracts/scenario';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import type { HeldEscalation } from '@/lib/practice/call/escalation-driver';

const MOOD_COLOR: Readonly<Record<Sentiment, string>> = { neutral: 'bg-emerald-500', skeptical: 'bg-amber-500', frustrated: 'bg-rose-600' };
const TREND = { up: '▲', down: '▼', same: '■' } as const;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1.5">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </div>
  );
}

function heldWords(held: HeldEscalation, difficulty: Difficulty): string {
  if (held.reason === 'cap_reached') {
    return `no more escalations this call (${DIFFICULTY_PROFILES[difficulty].label} allows ${held.maxEscalations}).`;
  }
  const turns = held.turnsLeft ?? 1;
  return `escalation cooling down, ${turns} more client ${turns === 1 ? 'turn' : 'turns'}.`;
}

/** A trigger phrase that did not fire: shown, because the debrief still counts it. */
function HeldNote({ held, difficulty }: { held: HeldEscalation; difficulty: Difficulty }) {
  return (
    <p data-testid="escalation-held" data-reason={held.reason} role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <span className="font-semibold">“{held.phrase}” noted</span> — {heldWords(held, difficulty)}{' '}
      <span className="text-amber-800">It still counts against you in the debrief.</span>
    </p>
  );
}

/** The client's state as the persona tags its turns: mood, pressure, the objection, what comes next, escalations. */
export function CallLivePanel({ difficulty, personaName }: { difficulty: Difficulty; personaName: string }) {
  const tags = useCallStore((s) => s.tags);
  const escalations = useCallStore((s) => s.escalations);
  const held = useCallStore((s) => s.held);
  const panel = useMemo(() => panelState(tags, difficulty), [tags, difficulty]);
  const level = MOOD_LEVEL[panel.mood];

  return (
    <aside aria-label="Client state" data-testid="live-panel" className="space-y-5 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <Section title={`${personaName}'s mood`}>
        <div data-testid="live-mood" data-mood={panel.mood} className="space-y-1.5">
          <div className="flex items-baseline justify-between">
            <span className="text-lg font-semibold text-ink">{MOOD_LABEL[panel.mood]}</span>
            <span className="text-xs text-slate-500">
              {panel.moodIsStarting ? 'starting mood' : panel.moodTrend === 'down' ? 'calming down' : panel.moodTrend === 'up' ? 'getting worse' : 'holding'}
            </span>
          </div>
          <div className="flex gap-1" role="meter" aria-valuemin={1} aria-valuemax={3} aria-valuenow={level} aria-label="Client mood, 1 calm to 3 frustrated">
            {[1, 2, 3].map((n) => (
              <span key={n} className={`h-2.5 flex-1 rounded-full ${n <= level ? MOOD_COLOR[panel.mood] : 'bg-slate-200'}`} />
            ))}
          </div>
          {panel.moodHistory.length > 1 ? (
            <div className="flex flex-wrap gap-1" aria-label="Mood per turn">
              {panel.moodHistory.map((m, i) => (
                <span key={i} title={`Turn ${i + 1}: ${m}`} className={`h-1.5 w-4 rounded-full ${MOOD_COLOR[m]}`} />
              ))}
            </div>
          ) : null}
        </div>
      </Section>

      <Section title="Pressure">
        <div data-testid="live-difficulty" data-difficulty={panel.difficulty ?? ''} className="flex items-center gap-3">
          <div className="flex flex-1 gap-1" role="meter" aria-valuemin={1} aria-valuemax={5} aria-valuenow={panel.difficulty ?? 0} aria-label="Difficulty of the last turn, 1 to 5">
            {[1, 2, 3, 4, 5].map((n) => (
              <span key={n} className={`h-2.5 flex-1 rounded-sm ${panel.difficulty !== null && n <= panel.difficulty ? 'bg-cue' : 'bg-slate-200'}`} />
            ))}
          </div>
          <span className="w-16 text-right text-sm font-semibold tabular-nums text-ink">
            {panel.difficulty === null ? '—' : `${panel.difficulty}/5`}
            {panel.difficultyTrend ? <span className="ml-1 text-xs text-slate-500">{TREND[panel.difficultyTrend]}</span> : null}
          </span>
        </div>
      </Section>

      <Section title="Current objection">
        <p data-testid="live-objection" className="text-sm font-medium text-ink">
          {panel.objection ?? <span className="font-normal text-slate-500">Waiting for the first turn…</span>}
        </p>
      </Section>

      <Section title="Likely next probe">
        <p data-testid="live-next-probe" className="text-sm leading-6 text-slate-700">
          {panel.nextProbe ?? <span className="text-slate-500">—</span>}
        </p>
      </Section>

      {escalations.length > 0 || held ? (
        <Section title="Escalations">
          {held ? <HeldNote held={held} difficulty={difficulty} /> : null}
          <ul className="space-y-2">
            {escalations.map((e) => (
              <li key={`${e.at}-${e.level}`} data-testid="escalation-alert" role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
                <p className="font-semibold">
                  Escalation {e.level}: you said “{e.phrase}”
                </p>
                <p className="mt-0.5 text-rose-800">{personaName} pushes back hard. Answer with an owner, a date and a checkpoint.</p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <p className="text-xs text-slate-500">{panel.turnsTagged} client turns tagged</p>
    </aside>
  );
}
