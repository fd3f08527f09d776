import { concatPcm, FLITE_RATE, fliteSpeech, resampleClip, silence } from './flite-fixture';

/**
 * The spoken lines the browser tests and the speech bench play, with the
 * phrase each must be heard saying. Chosen (and measured, `npm run
 * bench:speech`) for what flite's voice and pocketsphinx agree on.
 */
export const SPOKEN = {
  trigger: { text: "That's a good question. Let me check the numbers.", phrase: 'good question' },
  full: { text: 'Can you walk me through the pricing?', phrase: 'walk me through' },
  interrupt: { text: 'Okay, got it.', phrase: 'got it' },
  answer: { text: 'I own this gap. We will fix the north depot by Friday.', phrase: 'friday' },
  escalation: { text: 'Honestly, that is not our fault.', phrase: 'not our fault' },
} as const;

export type Segment = { say: string } | { silenceMs: number };

/** A clip of spoken lines and pauses at `rate` (PCM16 mono). */
export function spokenClip(segments: readonly Segment[], rate: number): Int16Array {
  const parts = segments.map((s) => ('say' in s ? fliteSpeech(s.say) : silence(s.silenceMs, FLITE_RATE)));
  return resampleClip(concatPcm(...parts), FLITE_RATE, rate);
}

/** Where the voiced sound of a clip ends, ms (last 10 ms frame above a low level): "the end of the word". */
export function voicedEndMs(pcm: Int16Array, rate: number, level = 300): number {
  const frame = Math.round(rate / 100);
  for (let start = pcm.length - frame; start >= 0; start -= frame) {
    let sum = 0;
    for (let i = start; i < start + frame; i++) sum += (pcm[i] ?? 0) ** 2;
    if (Math.sqrt(sum / frame) > level) return ((start + frame) * 1000) / rate;
  }
  return 0;
}
