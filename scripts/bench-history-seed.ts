/**
 * Seeds a PGlite database with practice history for `scripts/bench-history.ts`: sessions
 * spread over the built-in scenarios, each with a transcript, turn tags, delivery metrics
 * and an offline-rubric debrief, as the app saves them; every 25th one left unfinished.
 * Writes through Drizzle and the schema directly (queries.ts is server-only).
 */
import { BUILTIN_SCENARIOS } from '@/agents/scenarios';
import { computeDeliveryMetrics } from '@/lib/practice/debrief/metrics';
import { buildRubricDebrief } from '@/lib/practice/debrief/rubric';
import { createDatabase, type DatabaseConfig } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { practiceSessions, transcriptItems, turnTags, type NewPracticeSessionRow, type NewTranscriptItemRow } from '@/lib/server/db/schema';
import type { Difficulty } from '@/lib/contracts/scenario';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const DIFFICULTIES: Difficulty[] = ['easy', 'medium', 'hard'];

/** Four ways a call goes (weak to strong), so scores vary; [speaker, text, start s, end s]. */
const CALLS: [('user' | 'client'), string, number, number][][] = [
  [
    ['client', "I've seen the numbers. Seventy-eight against ninety-five. Explain.", 0, 5],
    ['user', "Honestly it's not our fault, there is a lot of staff resistance in the depots.", 6, 11],
    ['client', 'Stop. Who owns this?', 12, 14],
    ['user', 'We need more time, the process is, um, you know, complicated.', 15, 24],
  ],
  [
    ['client', "I've seen the numbers. Seventy-eight against ninety-five. Explain.", 0, 5],
    ['user', 'I own this gap and we will fix it.', 6, 9],
    ['client', 'How?', 10, 11],
    ['user', 'We are working on a plan and will share it soon.', 12, 16],
  ],
  [
    ['client', "I've seen the numbers. Seventy-eight against ninety-five. Explain.", 0, 5],
    ['user', "We own this gap, it's on us. Our green reports were wrong and I apologise.", 6, 11],
    ['client', 'Who owns the fix? One name.', 12, 14],
    ['user', 'Sarah Jones will own the North depot recovery and we reach 90% by 30 June.', 15, 20],
    ['client', 'Fine.', 21, 22],
    ['user', 'What would you need to see before the steering committee?', 23, 26],
  ],
  [
    ['client', "I've seen the numbers. Seventy-eight against ninety-five. Explain.", 0, 5],
    ['user', "We own this gap, it's on us. Our green reports were wrong and I apologise.", 6, 11],
    ['client', 'Who owns the fix? One name.', 12, 14],
    ['user', 'Sarah Jones will own the North depot recovery and we reach 90% by 30 June.', 15, 20],
    ['client', 'How will I know in two weeks?', 21, 23],
    ['user', 'A weekly review every Friday, first checkpoint on the 14th, to protect the milestone payment.', 24, 30],
    ['client', 'Fine. Anything else?', 31, 32],
    ['user', 'What would you need to see before the steering committee?', 33, 36],
  ],
];

export type SeedResult = { sessions: number; items: number; topScenarioId: string };

/** Migrates a fresh database at `config` and writes `count` sessions, one hour apart. */
export async function seedHistory(config: DatabaseConfig, count: number): Promise<SeedResult> {
  const handle = createDatabase(config);
  try {
    await migrateDatabase(handle);
    let items = 0;
    const BATCH = 100;
    for (let from = 0; from < count; from += BATCH) {
      const sessionRows: NewPracticeSessionRow[] = [];
      const itemRows: NewTranscriptItemRow[][] = [];
      for (let i = from; i < Math.min(count, from + BATCH); i++) {
        const scenario = BUILTIN_SCENARIOS[i % BUILTIN_SCENARIOS.length]!;
        const difficulty = DIFFICULTIES[Math.floor(i / 3) % DIFFICULTIES.length]!;
        const start = T0 + i * 3_600_000;
        const call = CALLS[(i * 7 + Math.floor(i / 5)) % CALLS.length]!;
        const said = call.map(([speaker, text, s, e], seq) => ({
          itemId: `item_${seq}`,
          seq,
          speaker,
          text,
          startedAt: new Date(start + s * 1000),
          endedAt: new Date(start + e * 1000),
        }));
        const unfinished = i % 25 === 24;
        const metrics = computeDeliveryMetrics(said);
        const debrief = buildRubricDebrief({ scenario, difficulty, transcript: said, tags: [], metrics });
        sessionRows.push({
          scenarioId: scenario.id,
          scenarioTitle: scenario.title,
          scenario,
          difficulty,
          startedAt: new Date(start),
          ...(unfinished ? {} : { endedAt: new Date(start + 40_000), endReason: 'user' as const, metrics, debrief, score: debrief.score }),
        });
        itemRows.push(said.map((s) => ({ ...s, sessionId: '' })));
      }
      const inserted = await handle.db.insert(practiceSessions).values(sessionRows).returning({ id: practiceSessions.id });
      const allItems = inserted.flatMap((row, k) => (itemRows[k] ?? []).map((it) => ({ ...it, sessionId: row.id })));
      await handle.db.insert(transcriptItems).values(allItems);
      items += allItems.length;
      const tags = inserted.map((row, k) => ({
        sessionId: row.id,
        callId: 'call_1',
        itemId: 'item_0',
        objectionType: 'Results' as const,
        difficulty: 1 + ((from + k) % 5),
        sentiment: 'skeptical' as const,
        nextProbe: 'Who owns the fix?',
      }));
      await handle.db.insert(turnTags).values(tags);
    }
    return { sessions: count, items, topScenarioId: BUILTIN_SCENARIOS[0]!.id };
  } finally {
    await handle.close();
  }
}
