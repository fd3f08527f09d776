import { adminRouteRefusal } from '@/lib/server/auth/route-access';
import { phoneCallDetail } from '@/lib/server/phone/call-views';

/** GET /api/phone/calls/<id>: one call's log, polled by its page while the call runs. Admins only. */
export async function GET(_request: Request, { params }: { params: Promise<{ callId: string }> }): Promise<Response> {
  const refusal = await adminRouteRefusal();
  if (refusal) return refusal;
  const call = await phoneCallDetail((await params).callId);
  if (!call) return Response.json({ error: { code: 'not_found', message: 'No such call.' } }, { status: 404 });
  return Response.json({ call }, { headers: { 'cache-control': 'no-store' } });
}
