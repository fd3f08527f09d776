/**
 * Tells continuous microphone noise from speech, so a noisy room never stalls a call in
 * silence. Server turn detection closes a turn only after a pause; a fan, a TV or chatter
 * never pauses, so the client is cut off (barge-in) and then waits for a turn that never
 * ends. Fed with the input level (sampled a few times a second) and the user's speech
 * events; pure and clock-injected.
 *
 * Noise when, during the call:
 *  - steady: a user turn has been open for STEADY_MS with the input level above the speech
 *    floor in nearly every sample (speech dips between words; noise does not);
 *  - long_turn: a user turn has been open for LONG_TURN_MS, whatever the level (turn
 *    detection needs a pause well under a second; nobody talks that long without one);
 *  - cutoffs: CUTOFF_COUNT turns started within CUTOFF_WINDOW_MS brought no words
 *    (bursts of noise: the client keeps stopping and nothing gets said).
 */

export type NoiseKind = 'steady' | 'long_turn' | 'cutoffs';
export type NoiseVerdict = { kind: NoiseKind; /** When the noisy stretch began, epoch ms. */ since: number };

export const NOISE_LIMITS = {
  /** Input level (0..1, the meter's scale) that counts as sound: RMS 0.02, the local engine's VAD threshold at 0.5. */
  floorLevel: 0.08,
  steadyMs: 8000,
  /** Share of level samples at or above the floor for a turn to count as steady. */
  steadyShare: 0.9,
  /** Fewest level samples a steady verdict rests on. */
  minSamples: 8,
  longTurnMs: 20_000,
  cutoffWindowMs: 20_000,
  cutoffCount: 3,
  /** A finished turn gets this long for its transcript before it counts as wordless. */
  transcriptGraceMs: 3000,
} as const;

type Turn = { itemId: string; startedAt: number; stoppedAt: number | null; words: boolean };
type Sample = { at: number; level: number };

const KEEP_MS = 60_000;

export class NoiseWatch {
  #turns: Turn[] = [];
  #samples: Sample[] = [];

  constructor(private readonly limits: typeof NOISE_LIMITS = NOISE_LIMITS) {}

  /** The input level now (0 while muted). */
  level(level: number, at: number): void {
    this.#samples.push({ at, level });
    this.#prune(at);
  }

  speechStarted(itemId: string, at: number): void {
    if (this.#turns.some((t) => t.itemId === itemId)) return;
    // A new turn closes any the service never closed (a buffer cleared, a reconnect).
    for (const t of this.#turns) if (t.stoppedAt === null) t.stoppedAt = at;
    this.#turns.push({ itemId, startedAt: at, stoppedAt: null, words: false });
    this.#prune(at);
  }

  speechStopped(itemId: string, at: number): void {
    const turn = this.#turns.find((t) => t.itemId === itemId);
    if (turn && turn.stoppedAt === null) turn.stoppedAt = at;
  }

  /** A completed transcription of the user's turn. */
  transcribed(itemId: string, text: string): void {
    const turn = this.#turns.find((t) => t.itemId === itemId);
    if (turn && /\p{L}|\p{N}/u.test(text)) turn.words = true;
  }

  /** Muted, or the input buffer was cleared: what was heard so far no longer counts. */
  reset(): void {
    this.#turns = [];
    this.#samples = [];
  }

  verdict(now: number): NoiseVerdict | null {
    const { steadyMs, steadyShare, minSamples, floorLevel, longTurnMs, cutoffWindowMs, cutoffCount, transcriptGraceMs } = this.limits;
    const open = this.#turns.find((t) => t.stoppedAt === null);
    if (open) {
      const openMs = now - open.startedAt;
      if (openMs >= longTurnMs) return { kind: 'long_turn', since: open.startedAt };
      if (openMs >= steadyMs) {
        const during = this.#samples.filter((s) => s.at >= open.startedAt);
        const loud = during.filter((s) => s.level >= floorLevel).length;
        if (during.length >= minSamples && loud / during.length >= steadyShare) return { kind: 'steady', since: open.startedAt };
      }
    }
    const recent = this.#turns.filter((t) => t.startedAt >= now - cutoffWindowMs);
    const wordless = recent.filter((t) => !t.words && (t.stoppedAt === null || now - t.stoppedAt >= transcriptGraceMs));
    if (wordless.length >= cutoffCount) return { kind: 'cutoffs', since: wordless[0]!.startedAt };
    return null;
  }

  #prune(now: number): void {
    const cutoff = now - KEEP_MS;
    if (this.#samples.length > 0 && this.#samples[0]!.at < cutoff) this.#samples = this.#samples.filter((s) => s.at >= cutoff);
    if (this.#turns.length > 20) this.#turns = this.#turns.filter((t) => t.stoppedAt === null || t.startedAt >= cutoff);
  }
}
