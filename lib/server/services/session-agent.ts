import 'server-only';
import type { AgentConfig } from '@/lib/contracts/agent-config';
import { buildRoleplayAgentConfig } from '@/agents/roleplay-client';
import { getPracticeSessionById } from '@/lib/server/db/queries';
import { sessionIdSchema } from '@/lib/contracts/practice-actions';

/**
 * The role-play persona's realtime config for a stored practice session: the
 * scenario snapshot and difficulty the session was started with. For the code that
 * mints the realtime client secret (the session id travels with the connect request).
 */
export async function getRoleplayAgentConfigForSession({ sessionId, userId }: { sessionId: string; userId: string }): Promise<AgentConfig | null> {
  // The mint action accepts any string; a malformed id is "no such session", not a database error.
  if (!sessionIdSchema.safeParse(sessionId).success) return null;
  const session = await getPracticeSessionById({ id: sessionId });
  // Only the one who practises may open their call (the mint action says forbidden before this).
  if (!session || session.endedAt || session.userId !== userId) return null;
  return buildRoleplayAgentConfig(session.scenario, session.difficulty);
}
