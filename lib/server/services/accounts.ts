import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { isAPIError } from 'better-auth/api';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { fail, ok, type ActionResult } from '@/lib/contracts/action-result';
import type { InvitationStatus, RoleName } from '@/lib/contracts/accounts';
import { auth } from '@/lib/server/auth/auth';
import * as q from '@/lib/server/db/account-queries';
import { requestClientIp } from '@/lib/server/model-access/client-key';
import { db } from '@/lib/server/db/connection';
import { createDatabaseRateLimiter } from '@/lib/server/limits/fixed-window';

/**
 * Accounts behind the account actions: the first-run owner, signing in and out, password
 * change, and joining by invitation. Public sign-up is off in better-auth; accounts are made
 * here (its internal adapter and password hasher), then signed in through better-auth, which
 * sets the session cookie on the server action's response.
 */

type Result<T, C extends string> = Promise<ActionResult<T, C>>;

// In the database, so every app instance counts the same attempts.
const limiter = createDatabaseRateLimiter(db, { name: 'sign-in', limit: 10, windowMs: 60_000 });

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Makes an account with a password (no session). */
async function createPasswordAccount(input: { name: string; email: string; password: string; role: RoleName; teamId: string | null }) {
  const ctx = await auth().$context;
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser({ name: input.name, email: input.email, emailVerified: false, role: input.role, teamId: input.teamId }, { method: 'email-password' });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: hash });
  return user;
}

/** Is this the account's password? */
export async function passwordMatches(userId: string, password: string): Promise<boolean> {
  const ctx = await auth().$context;
  const accounts = await ctx.internalAdapter.findAccounts(userId);
  const hash = accounts.find((a) => a.providerId === 'credential')?.password;
  return hash ? ctx.password.verify({ hash, password }) : false;
}

/** The session cookies better-auth answered with, set on the server action's response. */
async function applyCookies(answer: Headers) {
  const setCookie = answer.get('set-cookie');
  if (!setCookie) return;
  const jar = await cookies();
  parseSetCookieHeader(setCookie).forEach((value, name) => {
    if (name) jar.set(name, value.value, toCookieOptions(value));
  });
}

async function startSession(email: string, password: string) {
  const { headers: answer, response } = await auth().api.signInEmail({ body: { email, password }, headers: await headers(), returnHeaders: true });
  await applyCookies(answer);
  return response;
}

export async function needsOwner(): Promise<boolean> {
  return (await q.countUsers()) === 0;
}

/** First run: the first visitor creates the owner (an admin). Refused once any account exists. */
export async function createOwner(input: { name: string; email: string; password: string }): Result<{ userId: string }, 'conflict'> {
  const taken = () => fail('conflict' as const, 'Cue is already set up: an owner account exists. Sign in, or ask an admin for an invitation.');
  if (!(await needsOwner()) || !(await q.claimOwner({ email: input.email }))) return taken();
  try {
    const user = await createPasswordAccount({ ...input, role: 'admin', teamId: null });
    await q.adoptUnownedData({ userId: user.id });
    await startSession(input.email, input.password);
    return ok({ userId: user.id });
  } catch (error) {
    // Nothing half-made stays behind: the next visitor can set up again.
    const user = await q.getUserByEmail({ email: input.email });
    if (user) await q.deleteUserById({ id: user.id });
    await q.releaseOwnerClaim();
    throw error;
  }
}

export async function signIn(input: { email: string; password: string }): Result<{ userId: string }, 'invalid_credentials' | 'rate_limited'> {
  // Per client and email: guessing one account's password is slowed without locking its owner out from elsewhere.
  const verdict = await limiter.take(`${await requestClientIp()}:${input.email.toLowerCase()}`);
  if (!verdict.allowed) return fail('rate_limited', `Too many sign-in attempts for this email. Wait ${verdict.retryAfterSeconds} s and try again.`);
  try {
    const result = await startSession(input.email, input.password);
    return ok({ userId: result.user.id });
  } catch (error) {
    if (isAPIError(error) && (error.status === 'UNAUTHORIZED' || error.status === 'BAD_REQUEST')) {
      return fail('invalid_credentials', 'That email and password do not match an account.', [{ path: 'password', message: 'email or password is wrong' }]);
    }
    throw error;
  }
}

export async function signOut(): Promise<void> {
  const { headers: answer } = await auth().api.signOut({ headers: await headers(), returnHeaders: true });
  await applyCookies(answer);
}

export async function changePassword(input: { currentPassword: string; newPassword: string }): Result<{ changed: true }, 'invalid_credentials'> {
  try {
    const { headers: answer } = await auth().api.changePassword({ body: { ...input, revokeOtherSessions: true }, headers: await headers(), returnHeaders: true });
    await applyCookies(answer);
    return ok({ changed: true });
  } catch (error) {
    if (isAPIError(error) && error.status === 'BAD_REQUEST') {
      return fail('invalid_credentials', 'The current password is not right. Nothing was changed.', [{ path: 'currentPassword', message: 'not your current password' }]);
    }
    throw error;
  }
}

// Invitations

export const newInvitationToken = () => randomBytes(24).toString('base64url');

export async function invitationStatus(token: string, now = new Date()): Promise<InvitationStatus> {
  const invite = await q.getInvitationByTokenHash({ tokenHash: hashToken(token) });
  if (!invite) return { status: 'unknown' };
  if (invite.usedAt) return { status: 'used' };
  if (invite.expiresAt <= now) return { status: 'expired' };
  const team = invite.teamId ? (await q.listTeams()).find((t) => t.id === invite.teamId) : undefined;
  return { status: 'open', role: invite.role, teamName: team?.name ?? null, expiresAt: invite.expiresAt };
}

const INVITE_PROBLEM = {
  unknown: 'This invitation link is not valid. Ask the admin who sent it for a new one.',
  used: 'This invitation has already been used. Sign in, or ask the admin for a new link.',
  expired: 'This invitation has expired. Ask the admin who sent it for a new one.',
} as const;

export async function acceptInvitation(input: { token: string; name: string; email: string; password: string }, now = new Date()): Result<{ userId: string }, 'invitation_invalid' | 'conflict'> {
  const invite = await q.getInvitationByTokenHash({ tokenHash: hashToken(input.token) });
  const problem = !invite ? 'unknown' : invite.usedAt ? 'used' : invite.expiresAt <= now ? 'expired' : null;
  if (!invite || problem) return fail('invitation_invalid', INVITE_PROBLEM[problem ?? 'unknown']);
  if (await q.getUserByEmail({ email: input.email })) {
    return fail('conflict', 'An account with this email already exists. Sign in instead.', [{ path: 'email', message: 'already has an account' }]);
  }
  const user = await createPasswordAccount({ name: input.name, email: input.email, password: input.password, role: invite.role, teamId: invite.teamId });
  if (!(await q.useInvitation({ id: invite.id, userId: user.id, now }))) {
    // Someone used the link a moment earlier: single use means this account must not exist.
    await q.deleteUserById({ id: user.id });
    return fail('invitation_invalid', INVITE_PROBLEM.used);
  }
  await startSession(input.email, input.password);
  return ok({ userId: user.id });
}
