'use server';

import { z } from 'zod';
import { fail, ok, runGuardedAction, type ActionResult, type AuthErrorCode } from '@/lib/contracts/action-result';
import { signedIn } from '@/lib/server/auth/guard';
import { env } from '@/lib/server/env';
import { phoneAgentSource } from '@/lib/server/phone/agent-source';
import { signSimulatorToken } from '@/lib/server/phone/simulator-token';

/**
 * The phone simulator's pass: a signed-in user gets a short-lived, single-use token that lets
 * the browser open /call for one agent (lib/server/phone/simulator-token.ts).
 */
type Fails = 'invalid_input' | 'internal' | 'database_unavailable' | 'unknown_agent' | 'misconfigured' | AuthErrorCode;

export type SimulatorPass = { token: string; agentId: string; agentName: string };

export async function startSimulatorCallAction(input: unknown): Promise<ActionResult<SimulatorPass, Fails>> {
  return runGuardedAction(signedIn(), z.object({ agentId: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'an agent id') }), input, async ({ agentId }, actor) => {
    const agent = await phoneAgentSource(env()).byId(agentId);
    if (!agent) return fail('unknown_agent', `There is no phone agent "${agentId}".`);
    const secret = env().CUE_ENGINE_SECRET;
    if (!secret) return fail('misconfigured', 'The phone simulator needs CUE_ENGINE_SECRET (npm run dev and npm start set it).');
    return ok({ token: signSimulatorToken(secret, { agentId: agent.id, userId: actor.id }), agentId: agent.id, agentName: agent.name });
  });
}
