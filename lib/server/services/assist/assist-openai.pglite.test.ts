import { OpenAIProvider } from '@openai/agents';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HERO } from '@/lib/assist/demo/generate';
import type { SuggestEvent } from '@/lib/assist/suggest/suggest-events';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { ensureAssistDemoData } from '@/lib/server/db/assist-seed';
import { addTurn, startCall } from './call-service';
import { streamSuggestion } from './suggest-service';

/** The OpenAI path of a suggestion, against a faked HTTP boundary (the Responses API, streamed). */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = createDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(handle);
  await ensureAssistDemoData(handle, { customers: 500, orders: 2000 });
}, 180_000);
afterAll(() => handle?.close());
afterEach(() => vi.unstubAllGlobals());

/** The provider the app builds from a key and a base URL; its HTTP goes to the stubbed fetch. */
const openAIChoice = () => ({ backend: 'openai' as const, provider: new OpenAIProvider({ apiKey: 'sk-test', baseURL: 'http://openai.test/v1' }), model: 'gpt-4.1-mini' });

const sse = (events: Record<string, unknown>[]) =>
  new Response(events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`).join(''), { status: 200, headers: { 'content-type': 'text/event-stream' } });
const usage = { input_tokens: 100, output_tokens: 20, total_tokens: 120, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } };
const done = (id: string, output: unknown[]) => ({ type: 'response.completed', sequence_number: 9, response: { id, object: 'response', status: 'completed', model: 'gpt-4.1-mini', output, usage } });

describe('assist suggestions on the OpenAI path (faked HTTP)', () => {
  it('sends the tools and the bounded context, runs the tools the model calls, streams its cited reply', async () => {
    const bodies: Record<string, unknown>[] = [];
    const reply = 'Dana, I am sorry order 4411-2093 never arrived. I can send a free express replacement today. (Source: Shipping policy: parcels that never arrive)';
    const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      expect(String(url)).toBe('http://openai.test/v1/responses');
      bodies.push(JSON.parse(String(init?.body)));
      if (bodies.length === 1) {
        return sse([
          { type: 'response.created', sequence_number: 0, response: { id: 'resp_1', status: 'in_progress', output: [] } },
          done('resp_1', [
            { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'get_order_details', arguments: JSON.stringify({ order_number: HERO.orderNumber }), status: 'completed' },
            { type: 'function_call', id: 'fc_2', call_id: 'call_2', name: 'check_policy', arguments: JSON.stringify({ kind: 'shipping', topic: 'parcel never arrived lost' }), status: 'completed' },
          ]),
        ]);
      }
      const message = { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: reply, annotations: [] }] };
      return sse([
        { type: 'response.created', sequence_number: 0, response: { id: 'resp_2', status: 'in_progress', output: [] } },
        { type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: { ...message, status: 'in_progress', content: [] } },
        { type: 'response.output_text.delta', sequence_number: 2, item_id: 'msg_1', output_index: 0, content_index: 0, delta: reply.slice(0, 40) },
        { type: 'response.output_text.delta', sequence_number: 3, item_id: 'msg_1', output_index: 0, content_index: 0, delta: reply.slice(40) },
        done('resp_2', [message]),
      ]);
    }) as typeof fetch;
    vi.stubGlobal('fetch', fakeFetch);
    const choice = openAIChoice();

    const call = await startCall(handle.db, 'order_issue', null);
    await addTurn(handle.db, { callId: call.id, speaker: 'customer', source: 'typed', text: `my order ${HERO.orderNumber} never arrived, my email is ${HERO.email}` });
    const events: SuggestEvent[] = [];
    for await (const e of streamSuggestion(handle.db, choice, { callId: call.id })) events.push(e);

    expect(bodies).toHaveLength(2);
    const first = bodies[0] as { model: string; tools: { name: string }[]; input: unknown; stream: boolean };
    expect(first.model).toBe('gpt-4.1-mini');
    expect(first.stream).toBe(true);
    expect(first.tools.map((t) => t.name)).toEqual(['lookup_customer', 'get_order_details', 'check_policy', 'search_knowledge']);
    expect(JSON.stringify(first.input)).toContain('CALL_STATE_JSON');
    const second = JSON.stringify(bodies[1]);
    expect(second).toContain('function_call_output');
    expect(second).toContain('shipping-lost-parcel');
    expect(second).toContain('\\"status\\":\\"shipped\\"');

    expect(events.filter((e) => e.type === 'tool_call').map((e) => (e.type === 'tool_call' ? e.name : ''))).toEqual(['get_order_details', 'check_policy']);
    expect(events.filter((e) => e.type === 'delta').map((e) => (e.type === 'delta' ? e.text : '')).join('')).toBe(reply);
    const end = events.at(-1);
    expect(end).toMatchObject({ type: 'done', reply, sources: [{ kind: 'policy', id: 'shipping-lost-parcel', title: 'Shipping policy: parcels that never arrive', url: '/assist/kb/policies/shipping-lost-parcel' }] });
  });

  it('reports an upstream failure in words and ends the run', async () => {
    vi.stubGlobal('fetch', (async () => new Response('{"error":{"message":"down"}}', { status: 400 })) as typeof fetch);
    const choice = openAIChoice();
    const call = await startCall(handle.db, 'order_issue', null);
    await addTurn(handle.db, { callId: call.id, speaker: 'customer', source: 'typed', text: 'where is my parcel' });
    const events: SuggestEvent[] = [];
    for await (const e of streamSuggestion(handle.db, choice, { callId: call.id })) events.push(e);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'agent_failed' });
    expect((events.at(-1) as { message: string }).message).toMatch(/The call goes on\.$/);
  });
});
