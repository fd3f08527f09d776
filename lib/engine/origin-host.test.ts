import { request } from 'node:http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost, originAllowed } from './http-utils';
import { startEngine, type EngineHandle } from './server';
import { mint, TEST_SECRET } from './test-support';

/** The engine's WebSocket checks a browser's Origin; its test controls check the Host header. */
let engine: EngineHandle;
let loopbackOnly: EngineHandle;
beforeAll(async () => {
  engine = await startEngine({ secret: TEST_SECRET, testControls: true, allowedOrigins: ['http://127.0.0.1:3000', 'https://cue.example.com'] });
  loopbackOnly = await startEngine({ secret: TEST_SECRET });
});
afterAll(async () => {
  await engine.close();
  await loopbackOnly.close();
});

function upgradeStatus(url: string, origin?: string): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['realtime', `openai-insecure-api-key.${mint('hint-assistant').value}`], origin ? { origin } : {});
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { error: { code: string } }).error.code }));
    });
    ws.on('open', () => {
      ws.close();
      resolve({ status: 101 });
    });
    ws.on('error', (e) => (e.message.includes('Unexpected server response') ? undefined : reject(e)));
  });
}

function getWithHost(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('engine Origin check', () => {
  it("lets the app's own origins and server-side clients (no Origin) in", async () => {
    expect(await upgradeStatus(engine.url, 'http://127.0.0.1:3000')).toEqual({ status: 101 });
    expect(await upgradeStatus(engine.url, 'https://cue.example.com')).toEqual({ status: 101 });
    expect(await upgradeStatus(engine.url)).toEqual({ status: 101 });
  });

  it('refuses a page of any other origin with 403 origin_not_allowed, before the token is spent', async () => {
    expect(await upgradeStatus(engine.url, 'https://evil.example')).toEqual({ status: 403, code: 'origin_not_allowed' });
    expect(await upgradeStatus(engine.url, 'http://127.0.0.1:4000')).toEqual({ status: 403, code: 'origin_not_allowed' });
    expect(await upgradeStatus(engine.url, 'null')).toEqual({ status: 403, code: 'origin_not_allowed' });
  });

  it('by default allows loopback origins on any port only', async () => {
    expect(await upgradeStatus(loopbackOnly.url, 'http://localhost:5173')).toEqual({ status: 101 });
    expect(await upgradeStatus(loopbackOnly.url, 'http://attacker.127.0.0.1.nip.io')).toEqual({ status: 403, code: 'origin_not_allowed' });
  });

  it('matches origins exactly', () => {
    expect(originAllowed('https://cue.example.com', ['https://cue.example.com/'])).toBe(true);
    expect(originAllowed('https://cue.example.com.evil.io', ['https://cue.example.com'])).toBe(false);
    expect(originAllowed('http://[::1]:3000', 'loopback')).toBe(true);
    expect(originAllowed('file://', 'loopback')).toBe(false);
  });
});

describe('engine test controls check the Host', () => {
  it('answers a loopback Host and refuses any other (DNS rebinding) with 403', async () => {
    expect(await getWithHost(engine.port, '/__test/sessions', `127.0.0.1:${engine.port}`)).toBe(200);
    expect(await getWithHost(engine.port, '/__test/sessions', `localhost:${engine.port}`)).toBe(200);
    expect(await getWithHost(engine.port, '/__test/sessions', `rebind.attacker.example:${engine.port}`)).toBe(403);
    expect(await getWithHost(engine.port, '/__test/faults', '127.0.0.1.attacker.example')).toBe(403);
  });

  it('isLoopbackHost', () => {
    expect(isLoopbackHost('[::1]:8787')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
    expect(isLoopbackHost(undefined)).toBe(false);
  });

  it('health tells a test harness the engine pid (with test controls only)', async () => {
    expect(((await (await fetch(`${engine.httpUrl}/health`)).json()) as { pid?: number }).pid).toBe(process.pid);
    expect(((await (await fetch(`${loopbackOnly.httpUrl}/health`)).json()) as { pid?: number }).pid).toBeUndefined();
  });
});
