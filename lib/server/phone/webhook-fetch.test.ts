import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookToolSchema } from '@/lib/contracts/phone-agent';
import { parseEnv } from '@/lib/server/env-schema';
import { webhookFetch } from './webhook-fetch';
import { callWebhookTool } from './webhook-tool';

/** A webhook service on loopback (as an internal service, or the cloud metadata endpoint, would be to a server). */
let server: Server;
let host = '';
let hits = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1;
    if (req.url === '/moved') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"shipped"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const tool = (path: string) =>
  webhookToolSchema.parse({ name: 'check_order', description: 'Order status.', parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, url: `http://${host}${path}`, timeoutMs: 2000 });
const call = { callId: 'c1', agentId: 'a1', from: null, to: null };

describe('webhook tools through the SSRF guard', () => {
  it('refuses a webhook on a loopback address without calling it, and says why to the model', async () => {
    const before = hits;
    const out = await callWebhookTool(tool('/orders'), { id: '1' }, call, webhookFetch(parseEnv({})));
    expect(out.ok).toBe(false);
    expect((out.result as { error: string }).error).toMatch(/^the check_order service's address is not allowed: .*127\.0\.0\.1.*loopback/);
    expect(hits).toBe(before);
  });

  it('calls a host CUE_WEBHOOK_ALLOW_HOSTS names, and does not follow its redirect', async () => {
    const fetchImpl = webhookFetch(parseEnv({ CUE_WEBHOOK_ALLOW_HOSTS: host }));
    expect(await callWebhookTool(tool('/orders'), { id: '1' }, call, fetchImpl)).toEqual({ ok: true, result: { status: 'shipped' } });
    expect((await callWebhookTool(tool('/moved'), { id: '1' }, call, fetchImpl)).result).toEqual({ error: 'the check_order service answered HTTP 302' });
  });
});
