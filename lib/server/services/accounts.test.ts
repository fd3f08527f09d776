import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { defaultScenario } from '@/agents/scenarios';
import { closeDatabase, databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { createPracticeSession, getPracticeSessionById } from '@/lib/server/db/queries';
import { parseEnv } from '@/lib/server/env-schema';

/**
 * Accounts through better-auth for real (password hashing, sessions in PGlite, signed cookies);
 * only Next's request scope is faked: the request's headers, and the cookie jar the server action
 * would write to.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'cue-accounts-'));
vi.stubEnv('DATABASE_URL', '');
vi.stubEnv('CUE_AUTH_SECRET', '');
vi.stubEnv('CUE_DATA_DIR', dataDir);
const config = () => databaseConfigFromEnv(parseEnv(process.env));

const request = vi.hoisted(() => ({
  cookies: new Map<string, { value: string; options: Record<string, unknown> }>(),
  headers() {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v.value}`).join('; ');
    return new Headers(cookie ? { cookie } : {});
  },
}));
vi.mock('next/headers', () => ({
  headers: async () => request.headers(),
  cookies: async () => ({ set: (name: string, value: string, options: Record<string, unknown>) => (options.maxAge === 0 || value === '' ? request.cookies.delete(name) : request.cookies.set(name, { value, options })) }),
}));
vi.mock('next/headers.js', () => ({
  headers: async () => request.headers(),
  cookies: async () => ({ set: (name: string, value: string, options: Record<string, unknown>) => request.cookies.set(name, { value, options }) }),
}));

const accounts = await import('./accounts');
const admin = await import('./admin');
const people = await import('./people-data');
const { currentActor } = await import('@/lib/server/auth/actor');

beforeAll(async () => migrateDatabase(getDatabase(config())), 60_000);
beforeEach(() => request.cookies.clear());
afterAll(async () => {
  await closeDatabase(config());
  rmSync(dataDir, { recursive: true, force: true });
});

const OWNER = { name: 'Olive', email: 'olive@test.cue', password: 'olive-password-1' };

describe('accounts', () => {
  it('first run: one owner (admin) wins a race, adopts older data, gets an httpOnly, SameSite=Lax session cookie', async () => {
    const old = await createPracticeSession({ scenario: defaultScenario(), difficulty: 'easy' });
    expect(await accounts.needsOwner()).toBe(true);
    const [a, b] = await Promise.all([accounts.createOwner(OWNER), accounts.createOwner({ ...OWNER, email: 'rival@test.cue' })]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await accounts.needsOwner()).toBe(false);
    const cookie = [...request.cookies].find(([name]) => name.endsWith('session_token'));
    expect(cookie?.[1].options).toMatchObject({ httpOnly: true, sameSite: expect.stringMatching(/^lax$/i), path: '/' });
    expect(cookie?.[1].options.secure).toBeFalsy(); // plain http here; CUE_APP_URL=https://… makes it Secure
    const actor = await currentActor();
    expect(actor).toMatchObject({ email: OWNER.email, role: 'admin' });
    expect((await getPracticeSessionById({ id: old.id }))?.userId).toBe(actor?.id);
    // The generated secret is kept in the data dir, readable by this user only.
    expect(statSync(path.join(dataDir, 'auth-secret')).mode & 0o077).toBe(0);
  });

  it('signs in with the right password only, and signs out', async () => {
    expect(await accounts.signIn({ email: OWNER.email, password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect(await currentActor()).toBeNull();
    expect(await accounts.signIn({ email: OWNER.email, password: OWNER.password })).toMatchObject({ ok: true });
    expect(await currentActor()).toMatchObject({ email: OWNER.email });
    await accounts.signOut();
    expect(await currentActor()).toBeNull();
  });

  it('changes the password after checking the current one', async () => {
    await accounts.signIn({ email: OWNER.email, password: OWNER.password });
    expect(await accounts.changePassword({ currentPassword: 'nope-nope-nope', newPassword: 'olive-password-2' })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect(await accounts.changePassword({ currentPassword: OWNER.password, newPassword: 'olive-password-2' })).toMatchObject({ ok: true });
    request.cookies.clear();
    expect(await accounts.signIn({ email: OWNER.email, password: OWNER.password })).toMatchObject({ ok: false });
    expect(await accounts.signIn({ email: OWNER.email, password: 'olive-password-2' })).toMatchObject({ ok: true });
    OWNER.password = 'olive-password-2';
  });

  it('an invitation link makes one account with its role and team, once, before it expires', async () => {
    await accounts.signIn(OWNER);
    const owner = (await currentActor())!;
    const team = await admin.createTeam({ name: 'Blue' });
    if (!team.ok) throw new Error(team.error.message);
    const made = await admin.createInvitation(owner, { role: 'coach', teamId: team.data.id, note: 'for Cole', expiresInHours: 1 });
    if (!made.ok) throw new Error(made.error.message);
    const token = made.data.path.split('/').at(-1)!;
    expect(await accounts.invitationStatus(token)).toMatchObject({ status: 'open', role: 'coach', teamName: 'Blue' });
    request.cookies.clear();
    const joined = await accounts.acceptInvitation({ token, name: 'Cole', email: 'cole@test.cue', password: 'cole-password-1' });
    expect(joined).toMatchObject({ ok: true });
    expect(await currentActor()).toMatchObject({ email: 'cole@test.cue', role: 'coach', teamId: team.data.id });
    expect(await accounts.acceptInvitation({ token, name: 'Again', email: 'again@test.cue', password: 'again-password-1' })).toMatchObject({ ok: false, error: { code: 'invitation_invalid', message: expect.stringContaining('already been used') } });
    expect(await accounts.invitationStatus(token)).toEqual({ status: 'used' });

    const late = await admin.createInvitation(owner, { role: 'member', teamId: null, note: null, expiresInHours: 1 });
    if (!late.ok) throw new Error(late.error.message);
    const lateToken = late.data.path.split('/').at(-1)!;
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await accounts.acceptInvitation({ token: lateToken, name: 'Late', email: 'late@test.cue', password: 'late-password-1' }, later)).toMatchObject({ ok: false, error: { message: expect.stringContaining('expired') } });
    expect(await accounts.invitationStatus('x'.repeat(32))).toEqual({ status: 'unknown' });
  });

  it('deleting an account deletes its data; the only admin must hand over first', async () => {
    await accounts.signIn({ email: 'cole@test.cue', password: 'cole-password-1' });
    const cole = (await currentActor())!;
    const s = await createPracticeSession({ scenario: defaultScenario(), difficulty: 'easy', userId: cole.id });
    const exported = JSON.parse((await people.exportAccountData(cole)).json);
    expect(exported.practiceSessions.map((p: { id: string }) => p.id)).toEqual([s.id]);
    expect(JSON.stringify(exported)).not.toMatch(/password|\$2|scrypt/i);
    expect(await people.deleteAccountAndData(cole)).toEqual({ ok: true, data: { deleted: true } });
    expect(await getPracticeSessionById({ id: s.id })).toBeNull();
    const { db } = getDatabase(config());
    expect((await db.execute(sql`select count(*)::int as n from auth_sessions where user_id = ${cole.id}`) as unknown as { rows: unknown[] }).rows).toEqual([{ n: 0 }]);

    await accounts.signIn(OWNER);
    const owner = (await currentActor())!;
    const made = await admin.createInvitation(owner, { role: 'member', teamId: null, note: null, expiresInHours: 1 });
    if (!made.ok) throw new Error(made.error.message);
    await accounts.acceptInvitation({ token: made.data.path.split('/').at(-1)!, name: 'Mo', email: 'mo@test.cue', password: 'mo-password-123' });
    expect(await people.deleteAccountAndData(owner)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await admin.setAccess(owner, { userId: owner.id, role: 'member' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
