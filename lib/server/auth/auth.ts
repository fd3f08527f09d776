import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { db } from '@/lib/server/db/connection';
import { authAccounts, authSessions, authVerifications, users } from '@/lib/server/db/schema';
import { env } from '@/lib/server/env';
import { authSecret } from './secret';

/**
 * better-auth, on the app's own Drizzle client (PGlite or PostgreSQL): email + password,
 * sessions in the database, cookies httpOnly, SameSite=Lax and Secure when the app is served
 * over https (CUE_APP_URL). Public sign-up is off: accounts come from the first-run setup and
 * from invitations (lib/server/services/accounts.ts). No HTTP route is mounted; the app calls
 * auth.api from its server actions, which Next.js guards against cross-origin calls.
 */

const PASSWORD_MIN = 10;
const PASSWORD_MAX = 128;

function createAuth() {
  const e = env();
  return betterAuth({
    appName: 'Cue',
    secret: authSecret(e),
    ...(e.CUE_APP_URL ? { baseURL: e.CUE_APP_URL } : {}),
    database: drizzleAdapter(db(), {
      provider: 'pg',
      schema: { user: users, session: authSessions, account: authAccounts, verification: authVerifications },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: PASSWORD_MAX },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'member', input: false },
        teamId: { type: 'string', required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    advanced: { useSecureCookies: e.CUE_APP_URL?.startsWith('https://') ?? false, cookiePrefix: 'cue' },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as typeof globalThis & { __cueAuth?: Auth };

/** One instance per process (kept on globalThis across dev reloads), built on first use. */
export function auth(): Auth {
  globalForAuth.__cueAuth ??= createAuth();
  return globalForAuth.__cueAuth;
}
