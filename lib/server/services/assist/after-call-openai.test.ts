import { OpenAIProvider } from '@openai/agents';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_ASSIST_MODEL, LocalAssistModelProvider } from '@/lib/assist/suggest/local-assist-model';
import { draftSummary, type SummaryInput } from '@/lib/assist/summary/rubric';
import { SUMMARY_TURNS } from '@/lib/assist/summary/summary-request';
import { draftAfterCall } from './after-call';

/** The after-call summary on the OpenAI path (the Responses API, faked at the HTTP boundary) and on the local model. */

afterEach(() => vi.unstubAllGlobals());

const openAI = () => ({ backend: 'openai' as const, provider: new OpenAIProvider({ apiKey: 'sk-test', baseURL: 'http://openai.test/v1' }), model: 'gpt-4.1-mini' });
const local = { backend: 'local' as const, provider: new LocalAssistModelProvider(), model: LOCAL_ASSIST_MODEL };

const call: SummaryInput = {
  turns: [
    { speaker: 'agent', text: 'Thanks for calling Northwind, this is Sam. This call is recorded.' },
    { speaker: 'customer', text: 'My order 4411-2093 never arrived and I needed it for Friday.' },
    { speaker: 'agent', text: 'I am sorry. I have sent a free express replacement.' },
  ],
  customerName: 'Dana Whitfield',
  orderNumber: '4411-2093',
  actions: [{ kind: 'send_replacement', status: 'done', result: 'Replacement for 4411-2093 queued; confirmation email queued.' }],
  durationSec: 245,
};

const modelRecord = {
  reason: 'Order 4411-2093 never arrived; needed by Friday.',
  resolution: 'Free express replacement sent.',
  followUps: ['Confirm the replacement is delivered.'],
  disposition: 'replacement_sent',
  crmNote: 'Dana Whitfield, 4 min. Order 4411-2093 lost in transit; replacement sent. Follow up on delivery.',
};

function completed(text: string) {
  const message = { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] };
  return {
    id: 'resp_1', object: 'response', status: 'completed', model: 'gpt-4.1-mini', output: [message],
    usage: { input_tokens: 300, output_tokens: 80, total_tokens: 380, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } },
  };
}

describe('after-call summary', () => {
  it('asks OpenAI for the strict JSON schema of the record, with the bounded call record, and drafts from its answer', async () => {
    const bodies: Record<string, unknown>[] = [];
    const urls: string[] = [];
    vi.stubGlobal('fetch', (async (url: string | URL | Request, init?: RequestInit) => {
      urls.push(String(url));
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer sk-test');
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(completed(JSON.stringify(modelRecord))), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch);
    const long = { ...call, turns: Array.from({ length: 300 }, (_, i) => ({ speaker: i % 2 ? 'agent' as const : 'customer' as const, text: `line ${i} ${'x'.repeat(900)}` })) };
    const { draft, draftedBy } = await draftAfterCall(openAI(), long);

    expect(urls).toEqual(['http://openai.test/v1/responses']);
    const body = bodies[0] as { model: string; instructions: string; input: unknown; text: { format: { type: string; name: string; strict: boolean; schema: { properties: Record<string, unknown>; required: string[] } } }; tools?: unknown[] };
    expect(body.model).toBe('gpt-4.1-mini');
    expect(body.instructions).toContain('after-call record');
    expect(body.text.format).toMatchObject({ type: 'json_schema', strict: true });
    expect(Object.keys(body.text.format.schema.properties).sort()).toEqual(['crmNote', 'disposition', 'followUps', 'reason', 'resolution']);
    expect(body.text.format.schema.required.sort()).toEqual(['crmNote', 'disposition', 'followUps', 'reason', 'resolution']);
    // The request is bounded: the last turns only, each cut.
    const sent = JSON.stringify(body.input);
    expect(sent).toContain('line 299 ');
    expect(sent).not.toContain('line 0 ');
    expect(sent.length).toBeLessThan(SUMMARY_TURNS * 700);

    expect(draftedBy).toEqual({ by: 'openai', model: 'gpt-4.1-mini', note: null });
    expect(draft).toEqual({
      summary: { reason: modelRecord.reason, resolution: modelRecord.resolution, followUps: modelRecord.followUps },
      disposition: 'replacement_sent',
      crmNote: modelRecord.crmNote,
    });
  });

  it('falls back to the rubric, saying why, when OpenAI fails or answers outside the schema', async () => {
    vi.stubGlobal('fetch', (async () => new Response('{"error":{"message":"Rate limit reached","type":"rate_limit_error"}}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '0' } })) as typeof fetch);
    const failed = await draftAfterCall(openAI(), call);
    expect(failed.draft).toEqual(draftSummary(call));
    expect(failed.draftedBy.by).toBe('rubric');
    expect(failed.draftedBy.note).toMatch(/^The model could not draft this summary \(.*\); this is the offline rubric's draft\.$/);

    vi.stubGlobal('fetch', (async () => new Response(JSON.stringify(completed(JSON.stringify({ ...modelRecord, disposition: 'sold_a_yacht' }))), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch);
    const invalid = await draftAfterCall(openAI(), call);
    expect(invalid.draftedBy.by).toBe('rubric');
    expect(invalid.draft).toEqual(draftSummary(call));
  });

  it('says so when the model is slower than the limit', async () => {
    vi.stubGlobal('fetch', ((_url: string, init?: RequestInit) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch);
    const slow = await draftAfterCall(openAI(), call, 50);
    expect(slow.draftedBy).toMatchObject({ by: 'rubric', note: "The model could not draft this summary (it took longer than 0.05 s); this is the offline rubric's draft." });
  });

  it('the local model answers the same request with the rubric, through the same agent and schema', async () => {
    const { draft, draftedBy } = await draftAfterCall(local, call);
    expect(draftedBy).toEqual({ by: 'local', model: LOCAL_ASSIST_MODEL, note: null });
    expect(draft).toEqual(draftSummary(call));
  });
});
