import { describe, expect, it } from 'vitest';
import { phoneReceptionist } from '@/agents/studio-builtins';
import type { StudioAgentConfig } from '@/lib/contracts/studio-agent';
import type { Database } from '@/lib/server/db/client';
import { runStudioAgentTool } from './agent-tool-runner';

const agent: StudioAgentConfig = {
  ...phoneReceptionist,
  tools: {
    builtins: ['search_knowledge', 'transfer_to_human', 'end_call'],
    webhooks: [
      {
        name: 'check_opening_hours',
        description: 'Tells whether the office is open on a given day.',
        parameters: { type: 'object', properties: { day: { type: 'string' } }, required: ['day'] },
        url: 'https://hooks.example.com/hours',
        secretHeader: { name: 'X-Api-Key', value: 'k-123' },
        timeoutMs: 2000,
      },
    ],
  },
};

const noDb = async (): Promise<Database> => {
  throw new Error('no database in this test');
};

describe('a studio agent tool run outside a call (Try it)', () => {
  it('runs a webhook tool with its schema, secret header and a try- call id', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const fetchImpl = async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response(JSON.stringify({ open: true }), { status: 200 });
    };
    const ran = await runStudioAgentTool({ agent, name: 'check_opening_hours', args: { day: 'monday' }, lookupDb: noDb, fetchImpl });
    expect(ran).toEqual({ ok: true, outcome: { ok: true, result: { open: true } } });
    expect((sent[0]?.init.headers as Record<string, string>)['X-Api-Key']).toBe('k-123');
    expect(JSON.parse(String(sent[0]?.init.body))).toMatchObject({ tool: 'check_opening_hours', arguments: { day: 'monday' }, call: { callId: expect.stringMatching(/^try-/), agentId: 'phone-receptionist' } });
    const bad = await runStudioAgentTool({ agent, name: 'check_opening_hours', args: { day: 3 }, lookupDb: noDb, fetchImpl });
    expect(bad).toMatchObject({ ok: true, outcome: { ok: false, result: { error: expect.stringContaining('invalid arguments') } } });
    expect(sent).toHaveLength(1);
  });

  it('runs only the lookups the agent has; call control only runs on a call', async () => {
    expect(await runStudioAgentTool({ agent, name: 'search_knowledge', args: { query: 'opening hours' }, lookupDb: noDb })).toMatchObject({ ok: true, outcome: { ok: false, result: { error: expect.stringContaining('lookup failed') } } });
    expect(await runStudioAgentTool({ agent, name: 'get_order_details', args: { order_number: '4411-2093' }, lookupDb: noDb })).toMatchObject({ ok: false, code: 'unknown_tool' });
    expect(await runStudioAgentTool({ agent, name: 'transfer_to_human', args: { reason: 'asked' }, lookupDb: noDb })).toMatchObject({ ok: false, code: 'call_only' });
    expect(await runStudioAgentTool({ agent, name: 'delete_everything', args: {}, lookupDb: noDb })).toMatchObject({ ok: false, code: 'unknown_tool' });
  });
});
