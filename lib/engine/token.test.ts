import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { buildPersonaBrief } from '@/agents/prompts/roleplay-brief';
import { defaultScenario } from '@/agents/scenarios';
import { mintEngineToken, verifyEngineToken } from './token';

const secret = 'test-secret-of-some-length';

describe('engine tokens', () => {
  it('round-trips claims and starts with ek_', () => {
    const t = mintEngineToken({ secret, agentId: 'hint-assistant', ttlSeconds: 60, now: 1_000_000 });
    expect(t.value.startsWith('ek_local_')).toBe(true);
    const check = verifyEngineToken(t.value, secret, 1_000_000);
    expect(check).toEqual({ ok: true, claims: { sid: t.sessionId, agent: 'hint-assistant', exp: 1060 } });
  });
  it('rejects a token signed with another secret', () => {
    const t = mintEngineToken({ secret: 'other', agentId: 'a', ttlSeconds: 60 });
    expect(verifyEngineToken(t.value, secret)).toEqual({ ok: false, reason: 'bad_signature' });
  });
  it('rejects an expired token', () => {
    const t = mintEngineToken({ secret, agentId: 'a', ttlSeconds: 10, now: 0 });
    expect(verifyEngineToken(t.value, secret, 10_001)).toEqual({ ok: false, reason: 'expired' });
  });
  it('rejects tampered and malformed tokens', () => {
    const t = mintEngineToken({ secret, agentId: 'a', ttlSeconds: 60 });
    const [payload, sig] = t.value.slice('ek_local_'.length).split('.');
    const forged = Buffer.from(JSON.stringify({ sid: 'x', agent: 'a', exp: 9e9 })).toString('base64url');
    expect(verifyEngineToken(`ek_local_${forged}.${sig}`, secret).ok).toBe(false);
    expect(verifyEngineToken(`ek_local_${payload}`, secret)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyEngineToken('sk-abc', secret)).toEqual({ ok: false, reason: 'malformed' });
  });
  it('carries a persona brief, validated with its contract on verify', () => {
    const persona = buildPersonaBrief(defaultScenario(), 'hard');
    const t = mintEngineToken({ secret, agentId: 'roleplay-client', ttlSeconds: 60, now: 1_000_000, persona });
    expect(verifyEngineToken(t.value, secret, 1_000_000)).toEqual({ ok: true, claims: { sid: t.sessionId, agent: 'roleplay-client', exp: 1060, persona } });
    // Correctly signed but not a persona the engine could play: refused as malformed.
    const payload = Buffer.from(JSON.stringify({ sid: 'x', agent: 'roleplay-client', exp: 9e9, persona: { ...persona, objections: [] } })).toString('base64url');
    const signed = `ek_local_${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
    expect(verifyEngineToken(signed, secret)).toEqual({ ok: false, reason: 'malformed' });
  });
});
