import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPersonaBrief } from '@/agents/prompts/roleplay-brief';
import { defaultScenario } from '@/agents/scenarios';
import { EngineTokenTooLargeError, mintEngineToken, verifyEngineToken } from './token';
import { UsedTokens } from './used-tokens';

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
  it('carries a persona brief, validated with its contract on verify', () => {
    const persona = buildPersonaBrief(defaultScenario(), 'hard');
    const t = mintEngineToken({ secret, agentId: 'roleplay-client', ttlSeconds: 60, now: 1_000_000, persona });
    expect(verifyEngineToken(t.value, secret, 1_000_000)).toMatchObject({ ok: true, claims: { jti: t.tokenId, sid: t.sessionId, agent: 'roleplay-client', exp: 1060, persona } });
    // Correctly signed but not a persona the engine could play: refused as malformed.
    const payload = Buffer.from(JSON.stringify({ jti: 'tok_0123456789ab', sid: 'x', agent: 'roleplay-client', exp: 9e9, persona: { ...persona, objections: [] } })).toString('base64url');
    const signed = `ek_local_${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
    expect(verifyEngineToken(signed, secret)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('engine tokens v2', () => {
  const session = {
    type: 'realtime',
    model: 'gpt-realtime-mini',
    instructions: 'Play a skeptical COO. '.repeat(40),
    output_modalities: ['audio'],
    audio: {
      input: { format: { type: 'audio/pcm', rate: 24000 }, transcription: { model: 'gpt-4o-mini-transcribe' }, turn_detection: { type: 'server_vad', create_response: false, interrupt_response: false, silence_duration_ms: 900 } },
      output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'cedar' },
    },
    tools: [{ type: 'function', name: 'tag_turn', description: 'Tag the turn.', parameters: { type: 'object', properties: {} } }],
    tool_choice: 'auto',
  };

  it('carries a unique jti, the session config and a session length, deflated', () => {
    const a = mintEngineToken({ secret, agentId: 'roleplay-client', ttlSeconds: 60, session, maxSessionSeconds: 900 });
    const b = mintEngineToken({ secret, agentId: 'roleplay-client', ttlSeconds: 60, session });
    expect(a.value.startsWith('ek_local_z.')).toBe(true);
    expect(a.tokenId).not.toBe(b.tokenId);
    const check = verifyEngineToken(a.value, secret);
    expect(check.ok && check.claims).toMatchObject({ jti: a.tokenId, sid: a.sessionId, agent: 'roleplay-client', session, max_session_s: 900 });
    // 880 characters of instructions, deflated: far below the raw JSON.
    expect(a.value.length).toBeLessThan(JSON.stringify(session).length);
  });

  it('refuses at mint a session the engine cannot run, and a token too long for a header', () => {
    const opus = { ...session, audio: { ...session.audio, output: { format: { type: 'audio/opus' }, voice: 'marin' } } };
    expect(() => mintEngineToken({ secret, agentId: 'a', ttlSeconds: 60, session: opus })).toThrow();
    let seed = 7;
    const noise = Array.from({ length: 90_000 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
    expect(() => mintEngineToken({ secret, agentId: 'a', ttlSeconds: 60, session: { ...session, instructions: noise } })).toThrow(EngineTokenTooLargeError);
  });

  it('still reads the uncompressed form', () => {
    const claims = { jti: 'tok_0123456789ab', sid: 'sess_x', agent: 'a', exp: 2_000_000_000 };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const sig = createHmac('sha256', secret).update(payload).digest('base64url');
    expect(verifyEngineToken(`ek_local_${payload}.${sig}`, secret, 1_000_000)).toEqual({ ok: true, claims });
    expect(verifyEngineToken(`ek_local_z.${payload}.${sig}`, secret, 1_000_000)).toEqual({ ok: false, reason: 'bad_signature' });
  });
});

describe('used token ids', () => {
  it('lets an id open one session until it expires, then forgets it', () => {
    let now = 1_000_000;
    const used = new UsedTokens(() => now);
    expect(used.claim('tok_a', 1010)).toBe(true);
    expect(used.claim('tok_a', 1010)).toBe(false);
    expect(used.has('tok_a')).toBe(true);
    now = 1_011_000;
    expect(used.has('tok_a')).toBe(false);
    expect(used.claim('tok_b', 2000)).toBe(true);
    expect(used.size).toBe(1);
  });
});
