import { describe, expect, it } from 'vitest';
import { speechDurationMs } from '../../audio-synth';
import { SpokenReply, tonePiece } from './spoken-reply';
import { Synthesizer } from './synthesizer';

const TEXT = 'Got it, thanks. Let us move the launch to April and tell the team today.';

async function all(reply: SpokenReply) {
  const out = [];
  for (let p = await reply.next(); p; p = await reply.next()) out.push(p);
  return out;
}

describe('SpokenReply', () => {
  it('speaks each piece with flite at the output rate, trimmed of long silences', async () => {
    const synth = new Synthesizer('flite');
    const pieces = await all(new SpokenReply(TEXT, { synth, gender: 'male', speed: 1, rate: 24_000 }));
    expect(pieces.map((p) => p.text).join(' ')).toBe(TEXT);
    expect(pieces.every((p) => p.spoken)).toBe(true);
    expect(synth.stats).toMatchObject({ pieces: pieces.length, failures: 0 });
    // "Got it," is well under a second once its 150-200 ms of leading silence is cut.
    expect(pieces[0]?.samples.length).toBeLessThan(24_000);
  });

  it('falls back to the tone for a piece the synthesiser cannot make, and says why', async () => {
    const errors: unknown[] = [];
    const missing = new Synthesizer('flite', { timeoutMs: 1 });
    const pieces = await all(new SpokenReply(TEXT, { synth: missing, gender: 'female', speed: 1, rate: 8_000, onFallback: (e) => errors.push(e) }));
    expect(pieces.every((p) => !p.spoken)).toBe(true);
    expect(errors[0]).toMatchObject({ code: 'synthesis_timeout' });
    expect(missing.stats.failures).toBe(pieces.length);
    const first = pieces[0];
    expect(first?.samples.length).toBe(Math.floor((speechDurationMs(first?.text ?? '') * 8_000) / 1000));
  });

  it('speaks the tone with no synthesiser, and nothing after close()', async () => {
    const reply = new SpokenReply(TEXT, { synth: null, gender: 'female', speed: 1, rate: 24_000 });
    const first = await reply.next();
    expect(first?.samples).toEqual(tonePiece(first?.text ?? '', 24_000));
    reply.close();
    expect(await reply.next()).toBeNull();
  });

  it('keeps recent tones: the same words at the same rate give the same samples, made once', () => {
    const a = tonePiece('Thanks for calling, how can I help?', 8_000);
    expect(tonePiece('Thanks for calling, how can I help?', 8_000)).toBe(a);
    const wide = tonePiece('Thanks for calling, how can I help?', 24_000);
    expect(wide).not.toBe(a);
    expect(wide.length).toBe(3 * a.length);
  });
});
