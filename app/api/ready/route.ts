import { checkReadiness, defaultReadinessDeps } from '@/lib/server/services/readiness';

/** Readiness for load balancers and the page's status banner: 200 when the database and the engine answer, else 503. */
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness(defaultReadinessDeps());
  return Response.json(readiness, { status: readiness.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
