import { describe, expect, it } from 'vitest';
import { recognitionModel } from './availability';
import { resolveRecognition } from './engine-recognition';
import type { Recognizer } from './recognizer';

describe('resolveRecognition', () => {
  it('is off with null and uses a given factory as is', () => {
    expect(resolveRecognition(null, () => undefined)).toBeNull();
    const factory = () => ({}) as Recognizer;
    expect(resolveRecognition(factory, () => undefined)).toBe(factory);
  });

  it.runIf(recognitionModel().ok)('caps concurrent recognisers and frees a slot when one closes', () => {
    const lines: string[] = [];
    const make = resolveRecognition('auto', (l) => lines.push(l), 2);
    expect(make).not.toBeNull();
    const [a, b, c] = [make!(), make!(), make!()];
    expect([a?.failed, b?.failed, c?.failed]).toEqual([false, false, true]);
    expect(lines.join('\n')).toContain('2 sessions are already being recognised');
    a?.close();
    const d = make!();
    expect(d.failed).toBe(false);
    for (const r of [b, c, d]) r?.close();
  });
});
