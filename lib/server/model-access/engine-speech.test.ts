import { describe, expect, it } from 'vitest';
import { engineHealthUrl, readEngineSpeech } from './engine-speech';

const SPEECH = {
  recognition: { available: true, install: [], problems: [] },
  synthesis: { available: false, engine: null, install: ['flite'], problems: ['flite is not installed'] },
};
const answer = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('readEngineSpeech', () => {
  it('finds the health check beside the realtime socket', () => {
    expect(engineHealthUrl('ws://127.0.0.1:8787/v1/realtime')).toBe('http://127.0.0.1:8787/health');
    expect(engineHealthUrl('wss://engine.example/v1/realtime?x=1')).toBe('https://engine.example/health');
  });

  it("reads the engine's speech from its health check", async () => {
    expect(await readEngineSpeech({ engineUrl: 'ws://127.0.0.1:1/v1/realtime', fetch: answer(200, { ok: true, speech: SPEECH }) })).toEqual(SPEECH);
  });

  it('gives null for an engine that does not answer, fails, or reports no speech', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    expect(await readEngineSpeech({ engineUrl: 'ws://127.0.0.1:1/v1/realtime', fetch: refused })).toBeNull();
    expect(await readEngineSpeech({ engineUrl: 'ws://127.0.0.1:1/v1/realtime', fetch: answer(503, { ok: false }) })).toBeNull();
    expect(await readEngineSpeech({ engineUrl: 'ws://127.0.0.1:1/v1/realtime', fetch: answer(200, { ok: true }) })).toBeNull();
  });
});
