import { describe, expect, it } from 'vitest';
import { sessionUpdateSchema } from './protocol';
import { defaultSession, defaultTurnDetection, mergeSession, mergeTurnDetection } from './session-config';

const base = () => defaultSession({ id: 'sess_1', model: 'gpt-realtime', expiresAt: 123 });
const update = (session: unknown) => sessionUpdateSchema.parse(session);

describe('session config', () => {
  it('starts like the service: audio out, server VAD that replies and interrupts', () => {
    const s = base();
    expect(s.output_modalities).toEqual(['audio']);
    expect(s.audio.input.turn_detection).toEqual(defaultTurnDetection('server_vad'));
    expect(s.audio.input.turn_detection?.create_response).toBe(true);
    expect(s.audio.output.format).toEqual({ type: 'audio/pcm', rate: 24000 });
  });

  it('merges only the fields given', () => {
    const s1 = mergeSession(base(), update({ type: 'realtime', instructions: 'A', audio: { output: { voice: 'cedar' } } }));
    const s2 = mergeSession(s1, update({ type: 'realtime', tracing: 'auto' }));
    expect(s2.instructions).toBe('A');
    expect(s2.audio.output.voice).toBe('cedar');
    expect(s2.tracing).toBe('auto');
    expect(s2.audio.input.turn_detection?.type).toBe('server_vad');
  });

  it('merges turn detection within a type and resets on a type change or null', () => {
    const td = mergeTurnDetection(defaultTurnDetection(), { create_response: false, silence_duration_ms: 800 });
    expect(td).toMatchObject({ type: 'server_vad', create_response: false, interrupt_response: true, silence_duration_ms: 800 });
    expect(mergeTurnDetection(td, { type: 'semantic_vad' })).toMatchObject({ type: 'semantic_vad', create_response: true, silence_duration_ms: 500, eagerness: 'auto' });
    expect(mergeTurnDetection(td, null)).toBeNull();
    expect(mergeTurnDetection(null, { interrupt_response: false })).toMatchObject({ type: 'server_vad', interrupt_response: false });
    expect(mergeTurnDetection(td, undefined)).toBe(td);
  });

  it('refuses formats the engine cannot produce and a wrong session type', () => {
    expect(sessionUpdateSchema.safeParse({ type: 'realtime', audio: { output: { format: { type: 'audio/pcm', rate: 16000 } } } }).success).toBe(false);
    expect(sessionUpdateSchema.safeParse({ type: 'realtime', audio: { output: { format: { type: 'audio/opus' } } } }).success).toBe(false);
    expect(sessionUpdateSchema.safeParse({ type: 'realtime', audio: { input: { format: { type: 'audio/pcm', rate: 16000 } } } }).success).toBe(false);
    expect(sessionUpdateSchema.safeParse({ instructions: 'x' }).success).toBe(false);
    expect(sessionUpdateSchema.safeParse({ type: 'realtime', output_modalities: ['audio', 'text'] }).success).toBe(false);
  });

  it('speaks G.711 at 8 kHz when asked, and PCM16 24 kHz again', () => {
    const s1 = mergeSession(base(), update({ type: 'realtime', audio: { output: { format: { type: 'audio/pcmu' } } } }));
    expect(s1.audio.output.format).toEqual({ type: 'audio/pcmu' });
    expect(s1.audio.input.format).toEqual({ type: 'audio/pcm', rate: 24000 });
    const s2 = mergeSession(s1, update({ type: 'realtime', audio: { output: { format: { type: 'audio/pcma' } } } }));
    expect(s2.audio.output.format).toEqual({ type: 'audio/pcma' });
    expect(mergeSession(s2, update({ type: 'realtime', audio: { output: { format: { type: 'audio/pcm' } } } })).audio.output.format).toEqual({ type: 'audio/pcm', rate: 24000 });
  });
});
