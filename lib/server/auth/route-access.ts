import 'server-only';
import { AUTH_ERROR_MESSAGES } from '@/lib/contracts/action-result';
import { currentActor } from './actor';
import { hasRole } from './policy';

/**
 * For route handlers (downloads) that only an admin may call: null when the caller is an
 * admin, else the refusal to send: 401 signed out, 403 for another role (plain text, no-store).
 */
export async function adminRouteRefusal(): Promise<Response | null> {
  const actor = await currentActor();
  const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
  if (!actor) return new Response(AUTH_ERROR_MESSAGES.unauthenticated, { status: 401, headers });
  return hasRole(actor, 'admin') ? null : new Response('Only an admin can download this.', { status: 403, headers });
}
