import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { recordEvent, siteAnalytics } from './events';

describe('widget analytics on PGlite', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = createDatabase({ pgliteDir: 'memory://' });
    await migrateDatabase(h);
  }, 60_000);
  afterAll(() => h.close());

  it('counts visits per funnel step, refusals by code, endings, drop-off by phase and durations', async () => {
    const ev = (visit: string, type: Parameters<typeof recordEvent>[2], data: Record<string, unknown> = {}) => recordEvent('a', visit, type, data, h.db);
    for (const v of ['v1', 'v2', 'v3']) await ev(v, 'opened');
    await ev('v1', 'session_started');
    await ev('v2', 'session_started');
    await ev('v1', 'tool_call', { name: 'search_knowledge' });
    await ev('v1', 'tool_call', { name: 'search_knowledge' });
    await ev('v1', 'lead_captured');
    await ev('v3', 'refused', { code: 'ip_rate_limited' });
    await ev('v1', 'ended', { reason: 'visitor', seconds: 90, phase: 'close' });
    await ev('v2', 'ended', { reason: 'time_limit', seconds: 480 });
    await recordEvent('other-site', 'v9', 'opened', {}, h.db);
    const a = await siteAnalytics('a', 30, h.db);
    expect(a.funnel.map((f) => f.visits)).toEqual([3, 2, 1, 1, 0]);
    expect(a.refusals).toEqual([{ code: 'ip_rate_limited', count: 1 }]);
    expect(a.endings.sort((x, y) => x.reason.localeCompare(y.reason))).toEqual([{ reason: 'time_limit', count: 1 }, { reason: 'visitor', count: 1 }]);
    // Drop-off by phase: v1 ended after closing, v2 (no phase recorded) in the opening.
    expect(a.dropOff).toEqual([
      { phase: 'opening', count: 1 },
      { phase: 'discovery', count: 0 },
      { phase: 'positioning', count: 0 },
      { phase: 'conversion', count: 0 },
      { phase: 'close', count: 1 },
    ]);
    expect(a.sessions).toEqual({ count: 2, avgSeconds: 285, totalSeconds: 570 });
    await expect(recordEvent('a', 'v1', 'nonsense' as never, {}, h.db)).rejects.toThrow(/unknown widget event type/);
  }, 60_000);
});
