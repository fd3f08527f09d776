import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUILTIN_TOOLS, LOOKUP_TOOL_NAMES } from '@/lib/contracts/studio-agent';
import type { Database } from '@/lib/server/db/client';
import { lookupToolParameters, runLookupTool } from './lookup-tools';

describe('the shared lookup tools', () => {
  it('show the model the parameters their executors accept (studio BUILTIN_TOOLS = the zod schemas)', () => {
    for (const name of LOOKUP_TOOL_NAMES) {
      const shown = BUILTIN_TOOLS.find((t) => t.name === name)?.parameters as { properties: Record<string, { enum?: readonly string[] }>; required?: readonly string[] };
      const accepted = z.toJSONSchema(lookupToolParameters[name]) as { properties: Record<string, { enum?: string[] }>; required?: string[] };
      expect(Object.keys(shown.properties).sort(), name).toEqual(Object.keys(accepted.properties).sort());
      expect([...(shown.required ?? [])].sort(), name).toEqual([...(accepted.required ?? [])].sort());
      for (const [prop, schema] of Object.entries(accepted.properties)) expect(shown.properties[prop]?.enum, `${name}.${prop}`).toEqual(schema.enum);
    }
  });

  it('turn invalid arguments and a failing database into { error } results, never a throw', async () => {
    const noDb = async (): Promise<Database> => {
      throw new Error('connect ECONNREFUSED');
    };
    expect(await runLookupTool(noDb, 'get_order_details', { order_number: '44112093' })).toEqual({ ok: false, result: { error: 'invalid arguments: order_number An order number looks like 4411-2093.' } });
    expect(await runLookupTool(noDb, 'check_policy', { kind: 'pricing', topic: 'discounts' })).toMatchObject({ ok: false, result: { error: expect.stringMatching(/^invalid arguments: kind/) } });
    expect(await runLookupTool(noDb, 'search_knowledge', { query: 'how do I pair headphones' })).toEqual({ ok: false, result: { error: 'the search knowledge lookup failed (the database did not answer)' } });
  });
});
