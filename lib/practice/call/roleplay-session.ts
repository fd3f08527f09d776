import type { RealtimeAgent, RealtimeSession } from '@openai/agents-realtime';
import type { AgentConfig } from '@/lib/contracts/agent-config';
import type { RealtimeSdk } from '@/lib/realtime/session/sdk-loader';
import { sessionOptions } from '@/lib/realtime/session/session-factory';
import type { SessionRecipe } from '@/lib/realtime/session/session-factory';

/**
 * The role-play persona's RealtimeSession. Same agent and session config as the shared
 * factory builds, except that tool results go back as `backgroundResult`: the persona
 * tags its turn silently and the SDK does not ask for another spoken reply after it.
 * A handler never throws into the SDK; whatever it returns is reported to the model.
 * The SDK arrives with the recipe (loaded on demand), never through a static import.
 */

export type BackgroundToolHandler = (args: Record<string, unknown>, callId: string | null) => unknown | Promise<unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

function buildRoleplayAgent(
  sdk: RealtimeSdk,
  config: AgentConfig,
  voice: string,
  handlers: Readonly<Record<string, BackgroundToolHandler>>,
): RealtimeAgent {
  const { backgroundResult } = sdk;
  const tools = config.tools.map((t) =>
    sdk.tool({
      name: t.name,
      description: t.description,
      parameters: t.parameters,
      strict: true,
      execute: async (args: unknown, _context, details) => {
        const handler = handlers[t.name];
        if (!handler) return backgroundResult(text({ error: `The tool ${t.name} is not available on this page.` }));
        try {
          return backgroundResult(text(await handler(args as Record<string, unknown>, details?.toolCall?.callId ?? null)));
        } catch (error) {
          return backgroundResult(text({ error: error instanceof Error ? error.message : 'the tool failed' }));
        }
      },
    }),
  );
  return new sdk.RealtimeAgent({ name: config.name, instructions: config.instructions, voice, tools });
}

export function createRoleplaySession(recipe: SessionRecipe, handlers: Readonly<Record<string, BackgroundToolHandler>>): RealtimeSession {
  const agent = buildRoleplayAgent(recipe.sdk, recipe.config, recipe.voice, handlers);
  return new recipe.sdk.RealtimeSession(agent, sessionOptions(recipe));
}
