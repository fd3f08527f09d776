import { defaultScenario } from '@/agents/scenarios';
import { difficultyProfile } from '@/lib/contracts/difficulty';
import { buildPersonaBrief } from '@/agents/prompts/roleplay-brief';
import { buildClientInstructions, ROLEPLAY_CLIENT_ID, TAG_TURN_TOOL_NAME } from '@/agents/prompts/roleplay-client';
import type { Difficulty, Scenario } from '@/lib/contracts/scenario';
import { tagTurnParametersSchema } from '@/lib/contracts/turn-tag';
import { defineAgent, type AgentConfig, type AgentTool } from '@/lib/contracts/agent-config';
import { DEFAULT_REALTIME_MODEL, DEFAULT_TRANSCRIPTION_MODEL } from '@/lib/contracts/models';

/**
 * The role-play client persona. Its instructions (for a model) and its persona brief
 * (for the local engine) are built per scenario and difficulty at connect time; the
 * registry entry is the default scenario on medium.
 */

;

/**
 * tag_turn: the persona labels each of its turns. The browser's tool should return
 * `backgroundResult(...)` from @openai/agents-realtime so that tagging never triggers
 * an extra spoken response.
 */
const tagTurnTool: AgentTool = {
  name: TAG_TURN_TOOL_NAME,
  description:
    'Record analytics for the turn you just spoke: objection type, difficulty 1-5, your sentiment and your next probe. Call once per turn, silently.',
  parameters: tagTurnParametersSchema,
};

export function buildRoleplayAgentConfig(scenario: Scenario, difficulty: Difficulty): AgentConfig {
  return defineAgent({
    id: ROLEPLAY_CLIENT_ID,
    name: `Client: ${scenario.persona.name}`.slice(0, 60),
    purpose: 'Plays a demanding senior client from a scenario so the user can rehearse a hard conversation, with normal turn-taking.',
    model: DEFAULT_REALTIME_MODEL,
    voice: scenario.persona.voice,
    instructions: buildClientInstructions(scenario, difficulty),
    tools: [tagTurnTool],
    turnDetection: {
      type: 'server_vad',
      createResponse: true,
      interruptResponse: true,
      silenceDurationMs: difficultyProfile(difficulty).silenceDurationMs,
    },
    transcriptionModel: DEFAULT_TRANSCRIPTION_MODEL,
    localPersona: buildPersonaBrief(scenario, difficulty),
  });
}

export const roleplayClient = buildRoleplayAgentConfig(defaultScenario(), 'medium');
