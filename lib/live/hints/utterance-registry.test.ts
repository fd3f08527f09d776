import { describe, expect, it } from 'vitest';
import { MAX_FINISHED_UTTERANCES, MAX_LIVE_UTTERANCES, UtteranceRegistry } from './utterance-registry';

describe('UtteranceRegistry', () => {
  it('creates state once per id and refuses finished ids', () => {
    let created = 0;
    const r = new UtteranceRegistry((id) => ({ id, n: ++created }));
    expect(r.acquire('a')).toEqual({ id: 'a', n: 1 });
    expect(r.acquire('a')).toEqual({ id: 'a', n: 1 });
    r.finish('a');
    expect(r.acquire('a')).toBeUndefined();
    expect(r.isFinished('a')).toBe(true);
    expect(created).toBe(1);
  });

  it('evicts the oldest live utterance and forgets old tombstones', () => {
    const r = new UtteranceRegistry((id) => id);
    for (let i = 0; i <= MAX_LIVE_UTTERANCES; i++) r.acquire(`u${i}`);
    expect(r.size).toBe(MAX_LIVE_UTTERANCES);
    expect(r.get('u0')).toBeUndefined();
    expect(r.get(`u${MAX_LIVE_UTTERANCES}`)).toBe(`u${MAX_LIVE_UTTERANCES}`);
    for (let i = 0; i <= MAX_FINISHED_UTTERANCES; i++) r.finish(`f${i}`);
    expect(r.isFinished('f0')).toBe(false);
    expect(r.isFinished(`f${MAX_FINISHED_UTTERANCES}`)).toBe(true);
    r.clear();
    expect(r.size).toBe(0);
    expect(r.isFinished(`f${MAX_FINISHED_UTTERANCES}`)).toBe(false);
  });
});
