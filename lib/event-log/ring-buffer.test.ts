import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_LOG_CAPACITY, RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps entries in order until full', () => {
    const b = new RingBuffer<number>(3);
    b.push(1);
    b.push(2);
    expect(b.toArray()).toEqual([1, 2]);
    expect(b.size).toBe(2);
    expect(b.dropped).toBe(0);
  });

  it('drops the oldest when full and counts drops', () => {
    const b = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) b.push(i);
    expect(b.toArray()).toEqual([5, 6, 7]);
    expect(b.size).toBe(3);
    expect(b.dropped).toBe(4);
    expect(b.total).toBe(7);
    expect(b.at(0)).toBe(5);
    expect(b.at(-1)).toBe(7);
    expect(b.at(3)).toBeUndefined();
    expect(b.at(-4)).toBeUndefined();
    expect(b.latest(2)).toEqual([6, 7]);
    expect(b.latest(10)).toEqual([5, 6, 7]);
  });

  it('bumps version on every mutation and clear() resets contents and counts', () => {
    const b = new RingBuffer<string>(2);
    const v0 = b.version;
    b.push('a');
    b.push('b');
    b.push('c');
    expect(b.version).toBe(v0 + 3);
    b.clear();
    expect(b.version).toBe(v0 + 4);
    expect(b.toArray()).toEqual([]);
    expect(b.dropped).toBe(0);
    b.push('d');
    expect(b.toArray()).toEqual(['d']);
  });

  it('defaults to 2000 entries and holds memory at capacity over a long session', () => {
    const b = new RingBuffer<{ n: number }>();
    expect(b.capacity).toBe(DEFAULT_EVENT_LOG_CAPACITY);
    for (let i = 0; i < 100_000; i++) b.push({ n: i });
    expect(b.size).toBe(2_000);
    expect(b.dropped).toBe(98_000);
    expect(b.at(0)).toEqual({ n: 98_000 });
    expect(b.at(-1)).toEqual({ n: 99_999 });
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects capacity %d', (c) => {
    expect(() => new RingBuffer(c)).toThrow(RangeError);
  });
});
