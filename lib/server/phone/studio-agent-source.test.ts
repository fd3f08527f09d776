import { describe, expect, it } from 'vitest';
import { phoneReceptionist } from '@/agents/studio-builtins';
import type { StudioAgentSource, StudioPhoneAgent } from '@/lib/server/studio/agent-source';
import { studioPhoneAgentSource, toPhoneAgentConfig } from './studio-agent-source';

const webhook = {
  name: 'check_opening_hours',
  description: 'Tells whether the office is open on a given day.',
  parameters: { type: 'object' as const, properties: { day: { type: 'string' as const } }, required: ['day'] },
  url: 'https://hooks.example.com/hours',
  secretHeader: { name: 'X-Api-Key', value: 'k-123' },
  timeoutMs: 2000,
};
const agent = (over: Partial<StudioPhoneAgent> = {}): StudioPhoneAgent => ({ ...phoneReceptionist, version: 4, ...over });

describe('studio agents on the phone line', () => {
  it('keep their version, greeting and turn timing; every built-in (lookups included), transfer only with a number', () => {
    const cfg = toPhoneAgentConfig(agent({ transferNumber: '+14155550100', tools: { builtins: ['search_knowledge', 'transfer_to_human', 'end_call'], webhooks: [webhook] } }));
    expect(cfg).toMatchObject({ id: 'phone-receptionist', version: 4, greeting: phoneReceptionist.greeting, silenceDurationMs: 600, transferNumber: '+14155550100' });
    expect(cfg.builtinTools).toEqual(['search_knowledge', 'transfer_to_human', 'end_call']);
    expect(cfg.webhookTools).toEqual([{ ...webhook }]);
    const noNumber = toPhoneAgentConfig(agent({ tools: { builtins: ['lookup_customer', 'get_order_details', 'check_policy', 'transfer_to_human', 'end_call'], webhooks: [] } }));
    expect(noNumber.builtinTools).toEqual(['lookup_customer', 'get_order_details', 'check_policy', 'end_call']);
    expect(noNumber.transferNumber).toBeUndefined();
  });

  it('seed the built-ins before the first lookup, and pass saved versions on to live calls', async () => {
    const calls: string[] = [];
    let listener: ((a: StudioPhoneAgent) => void) | null = null;
    const studio: StudioAgentSource = {
      forNumber: async (n) => (calls.push(`number ${n}`), n === '+14155550123' ? agent() : null),
      byId: async (id) => (calls.push(`id ${id}`), agent()),
      subscribe: (_id, onChange) => ((listener = onChange), () => (listener = null)),
      close: async () => undefined,
    };
    const source = studioPhoneAgentSource(studio, async () => void calls.push('seeded'));
    expect((await source.forNumber('+14155550123'))?.id).toBe('phone-receptionist');
    expect(await source.forNumber('+14155550999')).toBeNull();
    expect(calls.slice(0, 2)).toEqual(['seeded', 'number +14155550123']);
    const seen: number[] = [];
    const off = source.subscribe('phone-receptionist', (cfg) => seen.push(cfg.version));
    listener!(agent({ version: 5, instructions: `${phoneReceptionist.instructions}\nAlways offer a callback.` }));
    expect(seen).toEqual([5]);
    off();
    expect(listener).toBeNull();
  });
});
