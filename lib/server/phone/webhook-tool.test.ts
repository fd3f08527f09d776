import { describe, expect, it } from 'vitest';
import { webhookToolSchema } from '@/lib/contracts/phone-agent';
import { callWebhookTool } from './webhook-tool';
import { connectStreamTwiml, dialTwiml } from './twiml';

const def = webhookToolSchema.parse({
  name: 'check_order_status',
  description: 'Look up an order by its number.',
  parameters: { type: 'object', properties: { order_id: { type: 'string', pattern: '^[0-9]+$' }, count: { type: 'integer' } }, required: ['order_id'] },
  url: 'https://hooks.example.com/orders',
  secretHeader: { name: 'X-Cue-Secret', value: 's3cret' },
  timeoutMs: 500,
});
const call = { callId: 'c1', agentId: 'a1', from: '+1', to: '+2' };

describe('callWebhookTool', () => {
  it('refuses arguments that do not match the JSON schema, without calling the URL', async () => {
    let called = false;
    const fetchImpl = async () => ((called = true), new Response('{}'));
    for (const args of [{}, { order_id: 'abc' }, { order_id: '12', count: 1.5 }]) {
      const out = await callWebhookTool(def, args, call, fetchImpl);
      expect(out.ok).toBe(false);
      expect(String((out.result as { error: string }).error)).toMatch(/^invalid arguments/);
    }
    expect(called).toBe(false);
  });

  it('POSTs the arguments and the call with the secret header, and returns the JSON answer', async () => {
    let seen: { url: string; init: RequestInit } | null = null;
    const out = await callWebhookTool(def, { order_id: '12' }, call, async (url, init) => ((seen = { url, init }), Response.json({ status: 'shipped' })));
    expect(out).toEqual({ ok: true, result: { status: 'shipped' } });
    expect(seen!.url).toBe('https://hooks.example.com/orders');
    expect((seen!.init.headers as Record<string, string>)['X-Cue-Secret']).toBe('s3cret');
    expect(JSON.parse(String(seen!.init.body))).toEqual({ tool: 'check_order_status', arguments: { order_id: '12' }, call });
  });

  it('turns an HTTP error, a refused connection and a timeout into { error } results', async () => {
    expect((await callWebhookTool(def, { order_id: '1' }, call, async () => new Response('no', { status: 502 }))).result).toEqual({ error: 'the check_order_status service answered HTTP 502' });
    expect((await callWebhookTool(def, { order_id: '1' }, call, async () => Promise.reject(new TypeError('fetch failed')))).result).toEqual({ error: 'the check_order_status service could not be reached' });
    const slow = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    expect((await callWebhookTool(def, { order_id: '1' }, call, slow)).result).toEqual({ error: 'the check_order_status service did not answer within 500 ms' });
  });
});

describe('TwiML', () => {
  it('escapes parameter values and refuses a stream URL with a query string', () => {
    expect(connectStreamTwiml('wss://h.example/call', { agentId: 'a"<&>' })).toContain('<Parameter name="agentId" value="a&quot;&lt;&amp;&gt;"/>');
    expect(() => connectStreamTwiml('wss://h.example/call?agent=1', {})).toThrow('31920');
    expect(dialTwiml('+15005550006', 'Connecting <you>')).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say>Connecting &lt;you&gt;</Say><Dial>+15005550006</Dial></Response>');
  });
});
