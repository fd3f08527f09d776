import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '@/lib/server/env';

/**
 * The secret that signs session cookies: CUE_AUTH_SECRET when set; otherwise one generated
 * once and kept in <CUE_DATA_DIR>/auth-secret (readable by this user only), so `npm run dev`
 * works with no setup and sessions survive a restart. Never a built-in default.
 * Several app instances on one PostgreSQL must share CUE_AUTH_SECRET: refused otherwise.
 */
export function authSecret(e: Pick<Env, 'CUE_AUTH_SECRET' | 'CUE_DATA_DIR' | 'DATABASE_URL' | 'NODE_ENV'>): string {
  if (e.CUE_AUTH_SECRET) return e.CUE_AUTH_SECRET;
  if (e.DATABASE_URL && e.NODE_ENV === 'production') {
    throw new Error('CUE_AUTH_SECRET is not set. With DATABASE_URL in production every app instance must use the same secret: set CUE_AUTH_SECRET (openssl rand -base64 32).');
  }
  const file = path.resolve(e.CUE_DATA_DIR, 'auth-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // wx: a second process racing this one keeps the secret written first.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
}
