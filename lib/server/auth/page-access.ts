import 'server-only';
import { redirect } from 'next/navigation';
import { countUsers } from '@/lib/server/db/account-queries';
import { currentActor } from './actor';
import { hasRole, type Actor } from './policy';

/**
 * For pages: the signed-in account, or a redirect. Before the first account exists every page
 * leads to /setup (the first visitor creates the owner); after that, a signed-out visitor goes
 * to /sign-in and comes back to `path` after signing in.
 */
export async function requireActor(path: string): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  if ((await countUsers()) === 0) redirect('/setup');
  redirect(`/sign-in?next=${encodeURIComponent(path)}`);
}

/** For /admin: an admin, or a redirect home for anyone else. */
export async function requireAdmin(path: string): Promise<Actor> {
  const actor = await requireActor(path);
  if (!hasRole(actor, 'admin')) redirect('/?not=admin');
  return actor;
}
