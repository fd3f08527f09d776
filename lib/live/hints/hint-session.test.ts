import type { RealtimeItem } from '@openai/agents-realtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cloneDefaultSettings } from '@/lib/live/settings/schema';
import { setup, user } from './test-support/hint-harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('HintSession: phrases', () => {
  it('fires on the delta that completes a trigger phrase, before the utterance completes, with the last 3 messages', () => {
    const t = setup();
    t.meeting([user('u1', 'We moved the launch'), user('u2', 'to April'), user('u3', 'because of QA'), user('u4', null)]);
    t.say('u4', "That's a good", false);
    expect(t.sent).toHaveLength(0);
    t.emit({ type: 'conversation.item.input_audio_transcription.delta', item_id: 'u4', delta: ' question!' });
    expect(t.sent).toHaveLength(1);
    const req = t.sent[0] as { conversation: string; input: { content: { text: string }[] }[]; metadata: Record<string, string>; instructions: string };
    expect(req.conversation).toBe('none');
    expect(req.input.map((m) => m.content[0]!.text)).toEqual(['to April', 'because of QA', "That's a good question!"]);
    expect(req.metadata).toMatchObject({ cue_hint: 'quick', cue_trigger: 'good question' });
    expect(req.instructions).toContain('Speak for at most 8 seconds');
    expect(t.hintStore.getState().activeHint).toMatchObject({ kind: 'quick', trigger: 'good question', source: 'phrase', status: 'requested', contextMessages: 3 });
  });

  it('maps the response to a hint card, and finishes it when its audio has played out', () => {
    const t = setup();
    t.say('u1', 'good question');
    const reply = t.answer({ responseId: 'r1', itemId: 'h1', playing: true });
    expect(t.hintStore.getState().hints.h1).toMatchObject({ status: 'speaking', responseId: 'r1', itemId: 'h1', trigger: 'good question' });
    reply.done();
    expect(t.hintStore.getState().hints.h1?.status).toBe('speaking');
    t.store.getState().actions.setPlaying(false);
    expect(t.hintStore.getState().hints.h1?.status).toBe('done');
    expect(t.hintStore.getState().activeHint).toBeNull();
  });

  it('a do-not-trigger phrase suppresses and says why; one utterance fires at most once', () => {
    const t = setup();
    t.say('u1', "that's not a good question");
    expect(t.sent).toHaveLength(0);
    expect(t.hintStore.getState().hintStats.lastSuppressed).toBe('"good question" did not fire: "not a good question" is a do-not-trigger phrase.');
    expect(t.store.getState().events.at(-1)).toMatchObject({ direction: 'note', type: 'hint.suppressed' });
    t.say('u2', 'good question, great question');
    expect(t.sent).toHaveLength(1);
  });

  it('honours the cooldown and the per-call cap, and counts hints', () => {
    const t = setup({ cooldownSeconds: 10, perCallCap: 2 });
    t.say('u1', 'good question');
    t.advance(4_000);
    t.say('u2', 'great question');
    expect(t.sent).toHaveLength(1);
    expect(t.hintStore.getState().hintStats.lastSuppressed).toBe('"great question" did not fire: cooldown, 6 s left.');
    t.advance(7_000);
    t.say('u3', 'great question');
    t.advance(11_000);
    t.say('u4', 'good question');
    expect(t.sent).toHaveLength(2);
    expect(t.hintStore.getState().hintStats).toMatchObject({ fired: 2, cap: 2, lastSuppressed: 'Hint limit reached for this call (2): "good question" did not fire.' });
    expect(t.session.request('full', 'button')).toBeNull();
  });

  it('a new trigger phrase from the settings works without reconnecting', () => {
    const t = setup();
    t.say('u1', 'show me the numbers');
    expect(t.sent).toHaveLength(0);
    t.session.updateSettings({ ...cloneDefaultSettings(), triggers: [{ phrase: 'show me the numbers', action: 'full' }], doNotTrigger: [] });
    t.say('u2', 'show me the numbers');
    expect((t.sent[0] as { metadata: Record<string, string> }).metadata).toMatchObject({ cue_hint: 'full', cue_trigger: 'show me the numbers' });
  });

  it('takes no hints for another agent', () => {
    const t = setup({}, 'practice-partner');
    t.say('u1', 'good question');
    expect(t.session.request('quick', 'button')).toBeNull();
    expect(t.sent).toHaveLength(0);
  });
});

describe('HintSession: buttons', () => {
  it('Quick Hint and Full Guidance send their configured context sizes and ignore the phrase cooldown', () => {
    const t = setup({ fullContextSize: 2 });
    t.meeting([user('u1', 'one'), user('u2', 'two'), user('u3', 'three')]);
    t.say('u4', 'good question');
    const card = t.session.request('full', 'shortcut');
    expect(card).toMatchObject({ kind: 'full', trigger: 'shortcut', source: 'shortcut', contextMessages: 2 });
    expect(t.sent).toHaveLength(2);
    expect((t.sent[1] as { instructions: string }).instructions).toContain('Speak for at most 30 seconds');
  });

  it("a hint's context is the latest messages in time order, though the SDK keeps earlier hints at the end", () => {
    const t = setup();
    const hint = (id: string, text: string): RealtimeItem => ({ itemId: id, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text }] });
    t.meeting([user('u1', 'one'), user('u2', 'two')]);
    t.advance(1000);
    t.meeting([user('u1', 'one'), user('u2', 'two'), hint('h1', 'Ask about risk.')]);
    t.advance(1000);
    t.meeting([user('u1', 'one'), user('u2', 'two'), user('u3', 'three'), hint('h1', 'Ask about risk.')]);
    t.session.request('quick', 'button');
    const req = t.sent[0] as { input: { role: string; content: { text: string }[] }[] };
    expect(req.input.map((m) => `${m.role}:${m.content[0]!.text}`)).toEqual(['user:two', 'assistant:Ask about risk.', 'user:three']);
  });

  it('a failed send is shown as a failed card', () => {
    const t = setup();
    t.state.accept = false;
    expect(t.session.request('quick', 'button')?.status).toBe('failed');
    expect(t.hintStore.getState().activeHint).toBeNull();
  });
});

describe('HintSession: interrupt', () => {
  it('an interrupt phrase while a hint speaks silences it and marks it interrupted; before the hint it does nothing', () => {
    const t = setup();
    t.say('u1', 'thanks, good question');
    t.answer({ itemId: 'h1', playing: true });
    t.say('u2', 'we are still on budget', false);
    expect(t.calls).toEqual(['requestResponse']);
    t.emit({ type: 'conversation.item.input_audio_transcription.delta', item_id: 'u2', delta: ' okay got it' });
    // The hint is out of band: the interrupt names its response.
    expect(t.calls).toEqual(['requestResponse', 'interrupt resp_1']);
    expect(t.hintStore.getState().hints.h1).toMatchObject({ status: 'interrupted', interruptedBy: 'got it' });
  });

  it('user speech without an interrupt phrase does not stop the hint', () => {
    const t = setup();
    t.say('u1', 'good question');
    t.answer({ itemId: 'h1', playing: true });
    t.say('u2', 'and another thing about the budget');
    expect(t.calls).toEqual(['requestResponse']);
    expect(t.hintStore.getState().hints.h1?.status).toBe('speaking');
  });

  it('the button and Esc interrupt a speaking hint; with nothing playing they do nothing', () => {
    const t = setup();
    expect(t.session.interrupt('button')).toBe(false);
    t.session.request('quick', 'button');
    t.answer({ itemId: 'h1', playing: true }).done();
    expect(t.session.interrupt('shortcut')).toBe(true);
    expect(t.hintStore.getState().hints.h1).toMatchObject({ status: 'interrupted', interruptedBy: 'shortcut' });
    expect(t.calls.at(-1)).toBe('interrupt resp_1');
  });

  it('a hint interrupt names its response; stopping other assistant audio names none', () => {
    const t = setup();
    t.session.request('quick', 'button');
    t.answer({ responseId: 'resp_hint', itemId: 'h1', playing: true });
    t.session.interrupt('button');
    expect(t.calls.at(-1)).toBe('interrupt resp_hint');
    t.store.getState().actions.setPlaying(true);
    t.session.interrupt('shortcut');
    expect(t.calls.at(-1)).toBe('interrupt');
  });

  it('asking again right after an interrupt is not swallowed as a double click', () => {
    const t = setup();
    t.session.request('full', 'button');
    t.answer({ itemId: 'h1', playing: true });
    t.advance(300);
    t.session.interrupt('button');
    t.advance(100);
    expect(t.session.request('full', 'shortcut')).not.toBeNull();
    t.advance(100);
    expect(t.session.request('full', 'button')).toBeNull();
  });

  it('a dropped connection cuts the speaking hint and fails a pending one', () => {
    const t = setup();
    t.session.request('quick', 'button');
    t.answer({ itemId: 'h1', playing: true });
    t.session.request('full', 'button');
    t.end('lost');
    expect(t.hintStore.getState().hints.h1).toMatchObject({ status: 'interrupted', interruptedBy: 'connection' });
    expect(t.hintStore.getState().activeHint).toBeNull();
  });

  it('a fresh call resets the counters; a reconnect of the same call keeps them', () => {
    const t = setup({ perCallCap: 1 });
    t.session.request('quick', 'button');
    t.start(true);
    expect(t.session.request('quick', 'button')).toBeNull();
    t.start(false);
    expect(t.hintStore.getState().hintStats.fired).toBe(0);
    expect(t.session.request('quick', 'button')).not.toBeNull();
  });

  it('a request that never gets a response is marked failed', () => {
    const t = setup();
    const card = t.session.request('quick', 'button');
    vi.advanceTimersByTime(20_000);
    expect(t.hintStore.getState().activeHint).toBeNull();
    expect(t.store.getState().events.some((e) => e.type === 'hint.failed' && (e.payload as { requestId: string }).requestId === card?.requestId)).toBe(true);
  });
});
