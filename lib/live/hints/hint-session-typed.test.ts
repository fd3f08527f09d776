import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setup, user } from './test-support/hint-harness';

/** Lines typed into the meeting: context without a reply, matched like heard speech. */

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

type Req = { input: { role: string; content: { text: string }[] }[]; metadata: Record<string, string> };

describe('HintSession.addTypedLine', () => {
  it('adds the line as context only: no reply is asked for, no hint without a trigger', () => {
    const t = setup();
    expect(t.session.addTypedLine('  We moved the launch to April  ')).toBe(true);
    expect(t.texts).toEqual([{ text: 'We moved the launch to April', triggerResponse: false }]);
    expect(t.calls).toEqual(['sendText']);
    expect(t.sent).toHaveLength(0);
  });

  it('a typed trigger phrase fires its hint, with the typed line as the newest context message', () => {
    const t = setup();
    t.meeting([user('u1', 'The budget is tight'), user('u2', 'and QA found two blockers')]);
    t.session.addTypedLine("That's a GOOD question!");
    expect(t.calls).toEqual(['sendText', 'requestResponse']);
    const req = t.sent[0] as Req;
    expect(req.metadata).toMatchObject({ cue_hint: 'quick', cue_trigger: 'good question' });
    expect(req.input.map((m) => m.content[0]!.text)).toEqual(['The budget is tight', 'and QA found two blockers', "That's a GOOD question!"]);
    expect(t.hintStore.getState().activeHint).toMatchObject({ source: 'phrase', trigger: 'good question', contextMessages: 3 });
  });

  it('typed lines follow the same rules as heard ones: do-not-trigger, cooldown, full guidance', () => {
    const t = setup({ cooldownSeconds: 10 });
    t.session.addTypedLine('well that is not a good question');
    expect(t.sent).toHaveLength(0);
    expect(t.hintStore.getState().hintStats.lastSuppressed).toContain('do-not-trigger');
    t.session.addTypedLine('walk me through the plan');
    expect((t.sent[0] as Req).metadata.cue_hint).toBe('full');
    t.advance(2_000);
    t.session.addTypedLine('good question');
    expect(t.sent).toHaveLength(1);
    expect(t.hintStore.getState().hintStats.lastSuppressed).toBe('"good question" did not fire: cooldown, 8 s left.');
  });

  it('a typed interrupt phrase stops a playing hint and marks it, before the line is matched for triggers', () => {
    const t = setup({ cooldownSeconds: 0 });
    t.session.request('full', 'button');
    t.answer({ itemId: 'h1', playing: true });
    t.session.addTypedLine('okay, got it');
    // The interrupt names the hint's own response (a bare cancel does not stop an out-of-band response).
    expect(t.calls).toEqual(['requestResponse', 'sendText', 'interrupt resp_1']);
    expect(t.hintStore.getState().hints.h1).toMatchObject({ status: 'interrupted', interruptedBy: 'got it' });
    expect(t.store.getState().playing).toBe(true); // the host silences playback; the fake only records the call
  });

  it('an interrupt phrase typed while nothing plays does nothing', () => {
    const t = setup();
    t.session.addTypedLine('got it');
    expect(t.calls).toEqual(['sendText']);
  });

  it('a typed meeting line that is not an interrupt phrase does not stop the hint', () => {
    const t = setup();
    t.session.request('quick', 'button');
    t.answer({ itemId: 'h1', playing: true });
    t.session.addTypedLine('and we should review the hiring plan');
    expect(t.calls).toEqual(['requestResponse', 'sendText']);
    expect(t.hintStore.getState().hints.h1?.status).toBe('speaking');
  });

  it('nothing is matched when the line could not be sent, and empty lines are not sent', () => {
    const t = setup();
    expect(t.session.addTypedLine('   ')).toBe(false);
    t.state.accept = false;
    expect(t.session.addTypedLine('good question')).toBe(false);
    expect(t.sent).toHaveLength(0);
  });

  it('with another agent the line is still context, but it fires no hint', () => {
    const t = setup({}, 'practice-partner');
    expect(t.session.addTypedLine('good question')).toBe(true);
    expect(t.sent).toHaveLength(0);
  });
});
