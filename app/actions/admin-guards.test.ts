import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as bookingsCsv } from '@/app/admin/sites/[siteId]/bookings.csv/route';
import { GET as leadsCsv } from '@/app/admin/sites/[siteId]/leads.csv/route';
import { DEFAULT_SITE_LIMITS } from '@/lib/contracts/website';
import { closeDatabase, databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { parseEnv } from '@/lib/server/env-schema';
import { getRetention, saveRetention } from './retention';
import { addSlotsAction, ingestKnowledgeAction, saveSiteAction, tryQuestionAction } from './website';

/**
 * Site admin (the website widget), its CSV exports and transcript retention are for admins
 * only: a member or a coach gets `forbidden` (403 for the downloads), a signed-out caller
 * `unauthenticated` (401), and nothing is written.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-admin-guards-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_DATA_DIR', dataDir);
const config = () => databaseConfigFromEnv(parseEnv(process.env));

type Who = { id: string; name: string; email: string; role: 'member' | 'coach' | 'admin'; teamId: string | null };
const who = vi.hoisted(() => ({ actor: null as null | Who }));
vi.mock('@/lib/server/auth/actor', () => ({ currentActor: async () => who.actor }));

const member: Who = { id: 'u-member', name: 'Mem', email: 'mem@test.cue', role: 'member', teamId: null };
const coach: Who = { ...member, id: 'u-coach', role: 'coach' };
const admin: Who = { ...member, id: 'u-admin', role: 'admin' };

beforeAll(async () => migrateDatabase(getDatabase(config())), 60_000);
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});

const site = { id: 'guarded-shop', name: 'Guarded', allowedOrigins: ['https://guarded.test'], agentId: 'website-concierge', goal: 'book_call', theme: { color: '#123456', label: 'Ask', position: 'bottom-right' }, limits: DEFAULT_SITE_LIMITS, active: true };
const calls = () => [
  saveSiteAction(site),
  ingestKnowledgeAction({ siteId: site.id, files: [{ name: 'a.md', text: '# A\nHello' }] }),
  tryQuestionAction({ siteId: site.id, question: 'Hello?' }),
  addSlotsAction({ siteId: site.id, firstStart: '2026-12-08T10:00', count: 2, minutes: 30 }),
  getRetention(),
  saveRetention({ days: 1 }),
];
const download = (get: typeof leadsCsv) => get(new Request('http://app/x'), { params: Promise.resolve({ siteId: site.id }) });

describe('site admin and retention are for admins only', () => {
  it('refuses a member and a coach (forbidden, 403) and a signed-out caller (unauthenticated, 401)', async () => {
    for (const [actor, code, status] of [[member, 'forbidden', 403], [coach, 'forbidden', 403], [null, 'unauthenticated', 401]] as const) {
      who.actor = actor;
      for (const r of await Promise.all(calls())) expect(r).toMatchObject({ ok: false, error: { code } });
      expect((await download(leadsCsv)).status).toBe(status);
      expect((await download(bookingsCsv)).status).toBe(status);
    }
    who.actor = admin;
    expect(await getRetention()).toEqual({ ok: true, data: { days: null } }); // the refused save wrote nothing
    expect((await download(leadsCsv)).status).toBe(404); // the refused saveSite wrote nothing either
  });

  it('lets an admin do each of them', async () => {
    who.actor = admin;
    expect(await saveSiteAction(site)).toMatchObject({ ok: true, data: { id: site.id } });
    expect(await addSlotsAction({ siteId: site.id, firstStart: '2026-12-08T10:00', count: 2, minutes: 30 })).toEqual({ ok: true, data: { added: 2 } });
    expect(await saveRetention({ days: 30 })).toMatchObject({ ok: true, data: { days: 30 } });
    const csv = await download(bookingsCsv);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/^starts_at,name,email,booked_at/);
  });
});
