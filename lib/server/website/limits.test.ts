import { describe, expect, it } from 'vitest';
import { widgetClientIp } from './client-ip';
import { createWindowCounter } from './window-counter';

describe('widgetClientIp', () => {
  const h = (xff?: string, real?: string) => new Headers({ ...(xff ? { 'x-forwarded-for': xff } : {}), ...(real ? { 'x-real-ip': real } : {}) });
  it('never takes the client-written first entry when proxies are trusted', () => {
    expect(widgetClientIp(h('6.6.6.6, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
    expect(widgetClientIp(h('6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9');
  });
  it('takes the last hop without trusted proxies, else X-Real-IP, else unknown', () => {
    expect(widgetClientIp(h('1.1.1.1, 127.0.0.1'))).toBe('127.0.0.1');
    expect(widgetClientIp(h(undefined, '192.0.2.1'))).toBe('192.0.2.1');
    expect(widgetClientIp(h())).toBe('unknown');
  });
});

describe('createWindowCounter', () => {
  it('allows `limit` per window per key, then says how long to wait', () => {
    const c = createWindowCounter(60_000);
    expect(c.take('a', 2, 0)).toEqual({ allowed: true });
    expect(c.take('a', 2, 1000)).toEqual({ allowed: true });
    expect(c.take('a', 2, 15_000)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(c.take('b', 2, 15_000)).toEqual({ allowed: true });
    expect(c.take('a', 2, 60_000)).toEqual({ allowed: true });
  });
});
