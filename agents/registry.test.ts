import { describe, expect, it } from 'vitest';
import { agentConfigSchema } from '../lib/contracts/agent-config';
import { agentRegistry, DEFAULT_AGENT_ID, getAgentConfig, isAgentId } from './registry';
import { buildHintRequestInstructions, buildHintAssistantInstructions } from './hint-assistant';
import { buildPracticePartnerInstructions } from './practice-partner';

describe('agent registry', () => {
  it.each(Object.values(agentRegistry))('$id parses against the config schema', (config) => {
    expect(() => agentConfigSchema.parse(config)).not.toThrow();
  });
  it('has a default that exists', () => {
    expect(getAgentConfig()?.id).toBe(DEFAULT_AGENT_ID);
    expect(isAgentId('nope')).toBe(false);
    expect(getAgentConfig('nope')).toBeUndefined();
  });
  it('keeps the hint assistant silent unless asked', () => {
    const hint = agentRegistry['hint-assistant'];
    expect(hint.turnDetection.createResponse).toBe(false);
    expect(hint.turnDetection.interruptResponse).toBe(false);
  });
  it('refuses a config with a bad id and names the field', () => {
    const bad = agentConfigSchema.safeParse({ ...agentRegistry['practice-partner'], id: 'Bad Id' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['id']);
  });
});

describe('instruction builders', () => {
  it('are pure: same input, same output', () => {
    expect(buildHintRequestInstructions({ kind: 'quick', maxSeconds: 8 })).toBe(buildHintRequestInstructions({ kind: 'quick', maxSeconds: 8 }));
    expect(buildHintAssistantInstructions()).toBe(buildHintAssistantInstructions());
  });
  it('bound a hint by speaking time', () => {
    expect(buildHintRequestInstructions({ kind: 'quick', maxSeconds: 8 })).toContain('at most 8 seconds (about 20 words)');
    expect(buildHintRequestInstructions({ kind: 'full', maxSeconds: 30 })).toContain('about 75 words');
    expect(buildHintRequestInstructions({ kind: 'full', maxSeconds: 30 })).toContain('follow-up question');
  });
  it('adds the focus only when given', () => {
    expect(buildPracticePartnerInstructions({ focus: 'pricing' })).toContain('practise: pricing');
    expect(buildPracticePartnerInstructions()).toContain('Let the user choose');
  });
});
