import 'server-only';
import type { PhoneCallDetail, PhoneCallListItem, PhoneCallStatus } from '@/lib/contracts/phone-call';
import { db } from '@/lib/server/db/connection';
import { getPhoneCallById, listPhoneCalls, type PhoneCallSummary } from '@/lib/server/db/phone-call-queries';

/** Call logs as the /phone pages and their polling routes show them. */
function listItem(r: PhoneCallSummary): PhoneCallListItem {
  return {
    id: r.id,
    source: r.source,
    agentId: r.agentId,
    agentName: r.agentName,
    agentVersion: r.agentVersion,
    fromNumber: r.fromNumber,
    toNumber: r.toNumber,
    status: r.status,
    endReason: r.endReason,
    startedAt: r.startedAt.toISOString(),
    durationMs: r.durationMs,
  };
}

export async function phoneCallList(filter: { status?: PhoneCallStatus; agentId?: string }): Promise<PhoneCallListItem[]> {
  return (await listPhoneCalls({ db: db(), ...filter, limit: 200 })).map(listItem);
}

export async function phoneCallDetail(id: string): Promise<PhoneCallDetail | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const r = await getPhoneCallById({ db: db(), id });
  if (!r) return null;
  return {
    ...listItem(r),
    callSid: r.callSid,
    backend: r.backend,
    endedAt: r.endedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    transcript: r.transcript,
    events: r.events,
    toolCalls: r.toolCalls,
    usage: r.usage ?? null,
  };
}
