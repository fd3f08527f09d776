import { PHONE_CALL_STATUSES, type PhoneCallStatus } from '@/lib/contracts/phone-call';
import { adminRouteRefusal } from '@/lib/server/auth/route-access';
import { phoneCallList } from '@/lib/server/phone/call-views';

/** GET /api/phone/calls?status=&agent=: the call list, for the /phone page's live polling. Admins only. */
export async function GET(request: Request): Promise<Response> {
  const refusal = await adminRouteRefusal();
  if (refusal) return refusal;
  const url = new URL(request.url);
  const status = url.searchParams.get('status');
  const agent = url.searchParams.get('agent');
  const calls = await phoneCallList({
    ...(status && (PHONE_CALL_STATUSES as readonly string[]).includes(status) ? { status: status as PhoneCallStatus } : {}),
    ...(agent && /^[a-z][a-z0-9-]{1,40}$/.test(agent) ? { agentId: agent } : {}),
  });
  return Response.json({ calls }, { headers: { 'cache-control': 'no-store' } });
}
