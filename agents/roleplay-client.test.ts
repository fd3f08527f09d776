import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getBuiltinScenario, defaultScenario } from '@/agents/scenarios';
import { buildClientInstructions } from '@/agents/prompts/roleplay-client';
import { agentRegistry, getAgentConfig } from './registry';
import { buildRoleplayAgentConfig, roleplayClient } from './roleplay-client';
import { agentConfigSchema } from '../lib/contracts/agent-config';

describe('roleplay-client agent', () => {
  it('is registered with normal turn-taking and the tag_turn tool', () => {
    expect(getAgentConfig('roleplay-client')).toBe(roleplayClient);
    expect(Object.keys(agentRegistry)).toContain('roleplay-client');
    expect(roleplayClient.turnDetection).toMatchObject({ type: 'server_vad', createResponse: true, interruptResponse: true, silenceDurationMs: 650 });
    expect(roleplayClient.tools.map((t) => t.name)).toEqual(['tag_turn']);
    expect(roleplayClient.instructions).toBe(buildClientInstructions(defaultScenario(), 'medium'));
    expect(() => agentConfigSchema.parse(roleplayClient)).not.toThrow();
  });

  it('declares tag_turn parameters exactly', () => {
    const params = roleplayClient.tools[0]!.parameters;
    expect(z.toJSONSchema(params)).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        objection_type: { type: 'string', enum: ['Results', 'Data', 'Governance', 'Payment', 'Plan'], description: 'The family of the objection you raised this turn' },
        difficulty: { type: 'integer', minimum: 1, maximum: 5, description: 'How hard this turn was for the consultant, 1 (gentle) to 5 (brutal)' },
        sentiment: { type: 'string', enum: ['neutral', 'skeptical', 'frustrated'], description: 'Your mood now' },
        next_probe: { type: 'string', description: 'The question you plan to ask next' },
      },
      required: ['objection_type', 'difficulty', 'sentiment', 'next_probe'],
      additionalProperties: false,
    });
    expect(params.safeParse({ objection_type: 'Plan', difficulty: 6, sentiment: 'neutral', next_probe: 'x' }).success).toBe(false);
    expect(params.safeParse({ objection_type: 'Plan', difficulty: 2.5, sentiment: 'neutral', next_probe: 'x' }).success).toBe(false);
    expect(params.safeParse({ objection_type: 'Plan', difficulty: 5, sentiment: 'angry', next_probe: 'x' }).success).toBe(false);
    expect(params.safeParse({ objection_type: 'Plan', difficulty: 5, sentiment: 'frustrated', next_probe: 'Who?' }).success).toBe(true);
  });

  it('builds per scenario and difficulty: voice, instructions and how fast the persona cuts in', () => {
    const cio = getBuiltinScenario('cio-outage-review')!;
    const hard = buildRoleplayAgentConfig(cio, 'hard');
    expect(hard.id).toBe('roleplay-client');
    expect(hard.voice).toBe('marin');
    expect(hard.name).toBe('Client: Priya Raman');
    expect(hard.instructions).toBe(buildClientInstructions(cio, 'hard'));
    expect(hard.turnDetection.silenceDurationMs).toBe(450);
    expect(buildRoleplayAgentConfig(cio, 'easy').turnDetection.silenceDurationMs).toBe(900);
    expect(hard.turnDetection.createResponse && hard.turnDetection.interruptResponse).toBe(true);
  });
});
