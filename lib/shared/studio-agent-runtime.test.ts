import { describe, expect, it } from 'vitest';
import { phoneReceptionist } from '@/agents/studio-builtins';
import { greetingInstructions, studioToAgentConfig } from './studio-agent-runtime';
import { z } from 'zod';

describe('studio config at run time', () => {
  it('turns built-in and webhook tools into function tools with the same JSON schema', () => {
    const params = { type: 'object' as const, properties: { order_number: { type: 'string' as const, description: 'The order' } }, required: ['order_number'] };
    const config = studioToAgentConfig({ ...phoneReceptionist, tools: { builtins: ['end_call'], webhooks: [{ name: 'order_status', description: 'Order status by number.', parameters: params }] } });
    expect(config.tools.map((t) => t.name)).toEqual(['end_call', 'order_status']);
    const json = z.toJSONSchema(config.tools[1]!.parameters) as Record<string, unknown>;
    expect(json).toMatchObject({ type: 'object', properties: { order_number: { type: 'string', description: 'The order' } }, required: ['order_number'] });
    expect(config).toMatchObject({ id: phoneReceptionist.id, voice: phoneReceptionist.voice, instructions: phoneReceptionist.instructions });
  });

  it('asks for the greeting word for word', () => {
    expect(greetingInstructions(phoneReceptionist)).toContain(`"${phoneReceptionist.greeting}"`);
  });
});
