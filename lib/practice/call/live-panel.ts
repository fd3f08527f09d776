import { difficultyProfile } from '@/lib/contracts/difficulty';
import type { Difficulty } from '@/lib/contracts/scenario';
import type { Sentiment } from '@/lib/contracts/turn-tag';
import type { LiveTag } from './call-store';

/** Pure derivations for the live panel: the call clock, the client's mood and pressure. */

export type CallClock = { elapsedSeconds: number; remainingSeconds: number; expired: boolean; warning: boolean };

/** The warning shows in the last minute (or last 20 % of a short call). */
export function callClock(startedAt: number | null, now: number, limitSeconds: number, offsetSeconds = 0): CallClock {
  const elapsed = Math.max(0, Math.floor(startedAt === null ? offsetSeconds : offsetSeconds + (now - startedAt) / 1000));
  const remaining = Math.max(0, limitSeconds - elapsed);
  return { elapsedSeconds: elapsed, remainingSeconds: remaining, expired: elapsed >= limitSeconds, warning: remaining <= Math.min(60, limitSeconds * 0.2) };
}


export const MOOD_LEVEL: Readonly<Record<Sentiment, number>> = { neutral: 1, skeptical: 2, frustrated: 3 };
export const MOOD_LABEL: Readonly<Record<Sentiment, string>> = { neutral: 'Neutral', skeptical: 'Skeptical', frustrated: 'Frustrated' };

export type PanelState = {
  mood: Sentiment;
  /** True until the persona has tagged a turn: mood is the difficulty's starting mood. */
  moodIsStarting: boolean;
  difficulty: number | null;
  /** Change of difficulty against the previous tag: up, down, same, or null when there is no previous. */
  difficultyTrend: 'up' | 'down' | 'same' | null;
  moodTrend: 'up' | 'down' | 'same' | null;
  objection: LiveTag['objection_type'] | null;
  nextProbe: string | null;
  turnsTagged: number;
  /** Sentiments of every tag, oldest first (the mood strip). */
  moodHistory: Sentiment[];
};

function trend(prev: number | undefined, next: number | undefined): PanelState['difficultyTrend'] {
  if (prev === undefined || next === undefined) return null;
  return next > prev ? 'up' : next < prev ? 'down' : 'same';
}

export function panelState(tags: readonly LiveTag[], difficulty: Difficulty): PanelState {
  const last = tags.at(-1);
  const prev = tags.at(-2);
  return {
    mood: last?.sentiment ?? difficultyProfile(difficulty).startingSentiment,
    moodIsStarting: !last,
    difficulty: last?.difficulty ?? null,
    difficultyTrend: trend(prev?.difficulty, last?.difficulty),
    moodTrend: trend(prev ? MOOD_LEVEL[prev.sentiment] : undefined, last ? MOOD_LEVEL[last.sentiment] : undefined),
    objection: last?.objection_type ?? null,
    nextProbe: last?.next_probe.trim() || null,
    turnsTagged: tags.length,
    moodHistory: tags.map((t) => t.sentiment),
  };
}
