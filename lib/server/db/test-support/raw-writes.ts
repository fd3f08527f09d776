import { defaultScenario } from '@/agents/scenarios';
import type { Database } from '../client';
import { practiceSessions, transcriptItems } from '../schema';

/** The same inserts queries.ts makes, without its server-only env lookup, for child-process tests. */
export async function createSessionSql(db: Database): Promise<string> {
  const scenario = defaultScenario();
  const [row] = await db
    .insert(practiceSessions)
    .values({ scenarioId: scenario.id, scenarioTitle: scenario.title, scenario, difficulty: 'medium' })
    .returning({ id: practiceSessions.id });
  if (!row) throw new Error('no session row');
  return row.id;
}

export async function appendTranscriptItemSql(db: Database, sessionId: string, i: number): Promise<void> {
  await db.insert(transcriptItems).values({
    sessionId,
    itemId: `item_${i}`,
    seq: i,
    speaker: i % 2 === 0 ? 'client' : 'user',
    text: `utterance ${i}`,
    startedAt: new Date(Date.UTC(2025, 0, 1, 9, 0, i)),
  });
}
