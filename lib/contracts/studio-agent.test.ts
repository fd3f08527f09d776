import { describe, expect, it } from 'vitest';
import { STUDIO_BUILTINS, phoneReceptionist } from '@/agents/studio-builtins';
import { agentCoreSchema } from './agent-config';
import { e164Schema, studioAgentConfigSchema } from './studio-agent';

const tool = {
  name: 'order_status',
  description: 'Look up the status of an order by its number.',
  parameters: { type: 'object', properties: { order_number: { type: 'string' }, items: { type: 'array', items: { type: 'integer', minimum: 1 } } }, required: ['order_number'] },
  url: 'https://hooks.example.com/order',
};
const withTools = (webhooks: unknown[], builtins: string[] = []) => ({ ...phoneReceptionist, tools: { builtins, webhooks } });
const paths = (input: unknown) => {
  const r = studioAgentConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('studio agent schema', () => {
  it.each(STUDIO_BUILTINS)('the built-in $id parses, and its core is the typed agents\' core', (config) => {
    expect(studioAgentConfigSchema.parse(config)).toEqual(config);
    expect(agentCoreSchema.safeParse(config).success).toBe(true);
  });

  it('accepts a webhook tool and fills in the defaults', () => {
    const parsed = studioAgentConfigSchema.parse(withTools([tool]));
    expect(parsed.tools.webhooks[0]).toMatchObject({ timeoutMs: 5000, secretHeader: null });
  });

  it('names the field of each bad webhook setting', () => {
    expect(paths(withTools([{ ...tool, url: 'javascript:alert(1)' }]))).toEqual(['tools.webhooks.0.url']);
    expect(paths(withTools([{ ...tool, url: 'https://user:pw@example.com/' }]))).toEqual(['tools.webhooks.0.url']);
    expect(paths(withTools([{ ...tool, timeoutMs: 100 }]))).toEqual(['tools.webhooks.0.timeoutMs']);
    expect(paths(withTools([{ ...tool, timeoutMs: 60_000 }]))).toEqual(['tools.webhooks.0.timeoutMs']);
    expect(paths(withTools([{ ...tool, name: 'Order Status' }]))).toEqual(['tools.webhooks.0.name']);
    expect(paths(withTools([{ ...tool, secretHeader: { name: 'Bad Header:', value: 'x' } }]))).toEqual(['tools.webhooks.0.secretHeader.name']);
    expect(paths(withTools([{ ...tool, secretHeader: { name: 'X-Key', value: '' } }]))).toEqual(['tools.webhooks.0.secretHeader.value']);
  });

  it('takes only the JSON-schema subset a function tool needs', () => {
    expect(paths(withTools([{ ...tool, parameters: { type: 'string' } }]))).toEqual(['tools.webhooks.0.parameters.type', 'tools.webhooks.0.parameters.properties']);
    expect(paths(withTools([{ ...tool, parameters: { type: 'object', properties: { a: { type: 'string' } }, required: ['b'] } }]))).toEqual(['tools.webhooks.0.parameters.required.0']);
    expect(paths(withTools([{ ...tool, parameters: { type: 'object', properties: { a: { type: 'date' } } } }]))).toEqual(['tools.webhooks.0.parameters.properties.a.type']);
    expect(paths(withTools([{ ...tool, parameters: { type: 'object', properties: { a: { type: 'string', pattern: '.*' } } } }]))).toEqual(['tools.webhooks.0.parameters.properties.a']);
    const deep = { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'object', properties: { c: { type: 'object', properties: { d: { type: 'string' } } } } } } } } };
    expect(paths(withTools([{ ...tool, parameters: deep }]))).toEqual(['tools.webhooks.0.parameters']);
  });

  it('refuses a tool name used twice, by a webhook or a built-in', () => {
    expect(paths(withTools([tool, tool]))).toEqual(['tools.webhooks.1.name']);
    expect(paths(withTools([{ ...tool, name: 'end_call' }], ['end_call']))).toEqual(['tools.webhooks.0.name']);
    expect(paths(withTools([], ['end_call', 'end_call']))).toEqual(['tools.builtins']);
    expect(paths(withTools([], ['launch_rockets']))).toEqual(['tools.builtins.0']);
  });

  it('checks the core fields exactly like a typed agent', () => {
    expect(paths({ ...phoneReceptionist, voice: 'robot' })).toEqual(['voice']);
    expect(paths({ ...phoneReceptionist, instructions: 'short' })).toEqual(['instructions']);
    expect(paths({ ...phoneReceptionist, greeting: '  ' })).toEqual(['greeting']);
  });
});

describe('E.164 numbers', () => {
  it('normalises spacing and punctuation, refuses anything else', () => {
    expect(e164Schema.parse(' +1 (415) 555-0123 ')).toBe('+14155550123');
    expect(e164Schema.parse('+447700900123')).toBe('+447700900123');
    for (const bad of ['4155550123', '+0415555', '+1234', '+1234567890123456', '+1 415 CALL NOW']) expect(e164Schema.safeParse(bad).success).toBe(false);
  });
});
