import 'server-only';
import { headers } from 'next/headers';
import { getUserById } from '@/lib/server/db/account-queries';
import { auth } from './auth';
import type { Actor } from './policy';

/**
 * Who is asking: the signed-in account behind this request's session cookie, or null.
 * Role and team are read from the users table on every call, so an admin's change applies
 * at once.
 */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = await getUserById({ id: session.user.id });
  return user ? { id: user.id, name: user.name, email: user.email, role: user.role, teamId: user.teamId } : null;
}
