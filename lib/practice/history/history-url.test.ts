import { describe, expect, it } from 'vitest';
import { historyHref, parsePageParam } from './history-url';

describe('history URL', () => {
  it('builds links that keep the scenario filter and omit page 1', () => {
    expect(historyHref({})).toBe('/history');
    expect(historyHref({ page: 1 })).toBe('/history');
    expect(historyHref({ page: 3 })).toBe('/history?page=3');
    expect(historyHref({ scenario: 'cio-outage-review', page: 2 })).toBe('/history?scenario=cio-outage-review&page=2');
    expect(historyHref({ scenario: 'a b&c' })).toBe('/history?scenario=a+b%26c');
    expect(historyHref({ scenario: 'cio-outage-review', person: 'user_7', page: 2 })).toBe('/history?scenario=cio-outage-review&person=user_7&page=2');
    expect(historyHref({ person: null })).toBe('/history');
  });

  it('reads a page number, falling back to 1 for anything else', () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam('4')).toBe(4);
    expect(parsePageParam(['7', '8'])).toBe(7);
    for (const bad of ['0', '-2', '1.5', 'abc', '', '00', '12345678']) expect(parsePageParam(bad)).toBe(1);
  });
});
