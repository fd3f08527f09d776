import { describe, expect, it } from 'vitest';
import { mintEngineToken, verifyEngineToken } from './token';

const secret = 'test-secret-of-some-length';

describe('engine tokens', () => {
  it('round-trips claims and starts with ek_', () => {
    const t = mintEngineToken({ secret, agentId: 'hint-assistant', ttlSeconds: 60, now: 1_000_000 });
    expect(t.value.startsWith('ek_local_')).toBe(true);
    const check = verifyEngineToken(t.value, secret, 1_000_000);
    expect(check).toEqual({ ok: true, claims: { jti: t.tokenId, sid: t.sessionId, agent: 'hint-assistant', iat: 1000, exp: 1060 } });
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
});
