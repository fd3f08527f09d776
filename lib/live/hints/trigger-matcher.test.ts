import { describe, expect, it } from 'vitest';
import { BUTTON_DEBOUNCE_MS, createTriggerMatcher, type TriggerMatcherSettings, type TriggerResult } from './trigger-matcher';

const base: TriggerMatcherSettings = {
  triggers: [
    { phrase: 'Good question', action: 'quick' },
    { phrase: 'walk me through', action: 'full' },
  ],
  doNotTrigger: ['not a good question'],
  cooldownSeconds: 10,
  perCallCap: 20,
};

function feedAll(m: ReturnType<typeof createTriggerMatcher>, itemId: string, deltas: string[], now = 0): TriggerResult[] {
  return deltas.map((d) => m.feedDelta(itemId, d, now));
}

describe('phrase triggers', () => {
  it('fires on the delta that completes the phrase, across delta boundaries', () => {
    const m = createTriggerMatcher(base);
    const results = feedAll(m, 'item_1', ['So,', ' good', ' ques', 'tion', ' really'], 1000);
    expect(results.slice(0, 3)).toEqual([null, null, null]);
    expect(results[3]).toEqual({
      fired: { action: 'quick', phrase: 'Good question', itemId: 'item_1', source: 'phrase', at: 1000, count: 1 },
    });
    expect(results[4]).toBeNull();
  });

  it.each([['GOOD QUESTION!'], ["That's a good question."], ['good, question'], ['Good question?!']])('matches %j after normalisation', (text) => {
    const m = createTriggerMatcher(base);
    expect(m.feedDelta('a', text, 0)).toMatchObject({ fired: { action: 'quick' } });
  });

  it('matches a full-guidance phrase split inside a word', () => {
    const m = createTriggerMatcher(base);
    expect(feedAll(m, 'a', ['Can you wa', 'lk me thr', 'ough it']).map((r) => r && 'fired' in r && r.fired.action)).toEqual([
      null,
      null,
      'full',
    ]);
  });

  it('needs whole words at the start of the phrase', () => {
    const m = createTriggerMatcher(base);
    expect(m.feedCompleted('a', 'nogood question', 0)).toBeNull();
  });

  it('fires at most once per utterance, even after the cooldown', () => {
    const m = createTriggerMatcher(base);
    expect(m.feedDelta('a', 'good question', 0)).toMatchObject({ fired: {} });
    expect(m.feedDelta('a', ' and another good question', 60_000)).toBeNull();
    expect(m.feedCompleted('a', 'good question and another good question', 60_000)).toBeNull();
  });

  it('prefers the longest phrase ending on the same word', () => {
    const m = createTriggerMatcher({ ...base, triggers: [...base.triggers, { phrase: 'really good question', action: 'full' }] });
    expect(m.feedDelta('a', 'A really good question', 0)).toMatchObject({ fired: { action: 'full', phrase: 'really good question' } });
  });

  it('catches an utterance that only arrives completed (no deltas)', () => {
    const m = createTriggerMatcher(base);
    expect(m.feedCompleted('a', 'Hmm, walk me through the numbers.', 5)).toMatchObject({ fired: { action: 'full', itemId: 'a', at: 5 } });
  });

  it('matches a completed transcript the recogniser revised after its deltas, and still fires once', () => {
    const m = createTriggerMatcher(base);
    // The deltas said "a good quest"; the final text says "good question".
    expect(feedAll(m, 'a', ['that is', ' a good', ' quest'], 0)).toEqual([null, null, null]);
    expect(m.feedCompleted('a', "That's a good question, let me think", 10)).toMatchObject({ fired: { action: 'quick', itemId: 'a', at: 10, count: 1 } });
    // Fired from the deltas: the same phrase in the completed text does not fire again.
    const n = createTriggerMatcher(base);
    expect(n.feedDelta('b', 'okay good question', 0)).toMatchObject({ fired: {} });
    expect(n.feedCompleted('b', 'okay a good question indeed', 20_000)).toBeNull();
    expect(n.getState(20_000).fired).toBe(1);
  });

  it('does not match an unchanged completed transcript twice (a cooldown suppression stays one)', () => {
    const m = createTriggerMatcher(base);
    expect(m.manual('quick', 0)).toMatchObject({ fired: {} });
    expect(m.feedDelta('a', 'good question', 100)).toMatchObject({ suppressed: { reason: 'cooldown' } });
    expect(m.feedCompleted('a', 'Good question.', 60_000)).toBeNull();
  });

  it('keeps a do-not-trigger phrase in a revised completed transcript blocking', () => {
    const m = createTriggerMatcher(base);
    m.feedDelta('a', 'that is not a', 0);
    expect(m.feedCompleted('a', "That's not a good question.", 0)).toMatchObject({ suppressed: { reason: 'do_not_trigger' } });
  });

  it('ignores deltas that arrive after the utterance completed', () => {
    const m = createTriggerMatcher(base);
    expect(m.feedCompleted('a', 'hello there', 0)).toBeNull();
    expect(m.feedDelta('a', ' good question', 0)).toBeNull();
  });
});

describe('do-not-trigger phrases', () => {
  it('blocks the occurrence they contain, reported once with the blocking phrase', () => {
    const m = createTriggerMatcher(base);
    expect(feedAll(m, 'a', ["That's not a", ' good', ' question', '.'])).toEqual([
      null,
      null,
      {
        suppressed: {
          reason: 'do_not_trigger',
          action: 'quick',
          phrase: 'Good question',
          itemId: 'a',
          source: 'phrase',
          blockedBy: 'not a good question',
        },
      },
      null,
    ]);
    expect(m.feedCompleted('a', "That's not a good question.", 0)).toBeNull();
  });

  it('lets a later unblocked occurrence in the same utterance fire (no cooldown started)', () => {
    const m = createTriggerMatcher(base);
    expect(m.feedDelta('a', 'not a good question', 0)).toMatchObject({ suppressed: { reason: 'do_not_trigger' } });
    expect(m.feedDelta('a', ' but a good question', 10)).toMatchObject({ fired: { at: 10, count: 1 } });
  });

  describe('when the do-not-trigger phrase continues past the trigger', () => {
    const settings = { ...base, doNotTrigger: ['good question but'] };

    it('holds the trigger and blocks it if the phrase completes', () => {
      const m = createTriggerMatcher(settings);
      expect(feedAll(m, 'a', ['good question', ' bu'])).toEqual([null, null]);
      expect(m.feedDelta('a', 't', 0)).toMatchObject({ suppressed: { reason: 'do_not_trigger', blockedBy: 'good question but' } });
    });

    it('fires on the first word that rules the phrase out', () => {
      const m = createTriggerMatcher(settings);
      expect(m.feedDelta('a', 'good question', 0)).toBeNull();
      expect(m.feedDelta('a', ' about', 7)).toMatchObject({ fired: { phrase: 'Good question', at: 7 } });
    });

    it('fires when the utterance ends before the phrase could complete', () => {
      const m = createTriggerMatcher(settings);
      expect(m.feedDelta('a', 'good question', 0)).toBeNull();
      expect(m.feedCompleted('a', 'good question', 400)).toMatchObject({ fired: { at: 400 } });
    });
  });
});

describe('cooldown, cap and buttons', () => {
  it('suppresses phrases during the cooldown with the time left', () => {
    const m = createTriggerMatcher(base);
    expect(m.feedDelta('a', 'good question', 1_000)).toMatchObject({ fired: {} });
    expect(m.feedDelta('b', 'walk me through', 4_000)).toEqual({
      suppressed: { reason: 'cooldown', action: 'full', phrase: 'walk me through', itemId: 'b', source: 'phrase', retryInMs: 7_000 },
    });
    expect(m.getState(4_000).cooldownRemainingMs).toBe(7_000);
    expect(m.feedDelta('c', 'walk me through', 11_000)).toMatchObject({ fired: { action: 'full', count: 2 } });
  });

  it('stops at the per-call cap (phrases and buttons count), 0 = unlimited', () => {
    const m = createTriggerMatcher({ ...base, cooldownSeconds: 0, perCallCap: 2 });
    expect(m.manual('quick', 0)).toMatchObject({ fired: { source: 'button', count: 1 } });
    expect(m.feedDelta('a', 'good question', 10)).toMatchObject({ fired: { count: 2 } });
    expect(m.feedDelta('b', 'good question', 20)).toMatchObject({ suppressed: { reason: 'cap_reached' } });
    expect(m.manual('full', 30)).toEqual({ suppressed: { reason: 'cap_reached', action: 'full', phrase: null, itemId: null, source: 'button' } });
    expect(m.getState(30)).toEqual({ fired: 2, cap: 2, remaining: 0, cooldownRemainingMs: 0 });

    const unlimited = createTriggerMatcher({ ...base, cooldownSeconds: 0, perCallCap: 0 });
    for (let i = 0; i < 50; i++) expect(unlimited.feedDelta(`u${i}`, 'good question', i)).toMatchObject({ fired: { count: i + 1 } });
    expect(unlimited.getState(0)).toMatchObject({ cap: null, remaining: null });
  });

  it('lets buttons ignore the cooldown, but starts the phrase cooldown', () => {
    const m = createTriggerMatcher(base);
    expect(m.feedDelta('a', 'good question', 0)).toMatchObject({ fired: {} });
    expect(m.manual('full', 1_000)).toEqual({ fired: { action: 'full', phrase: null, itemId: null, source: 'button', at: 1_000, count: 2 } });
    expect(m.feedDelta('b', 'good question', 10_500)).toMatchObject({ suppressed: { reason: 'cooldown', retryInMs: 500 } });
  });

  it('debounces the same button pressed twice in quick succession', () => {
    const m = createTriggerMatcher(base);
    expect(m.manual('quick', 0)).toMatchObject({ fired: {} });
    expect(m.manual('quick', BUTTON_DEBOUNCE_MS - 1)).toMatchObject({ suppressed: { reason: 'debounce' } });
    expect(m.manual('full', BUTTON_DEBOUNCE_MS - 1)).toMatchObject({ fired: { action: 'full' } });
    expect(m.manual('quick', BUTTON_DEBOUNCE_MS)).toMatchObject({ fired: { action: 'quick', count: 3 } });
  });

  it('clearDebounce() lets the same button fire again at once', () => {
    const m = createTriggerMatcher(base);
    m.manual('quick', 0);
    m.clearDebounce();
    expect(m.manual('quick', 10)).toMatchObject({ fired: { action: 'quick', count: 2 } });
  });

  it('reset() starts a new call', () => {
    const m = createTriggerMatcher({ ...base, perCallCap: 1 });
    m.feedDelta('a', 'good question', 0);
    expect(m.feedDelta('b', 'good question', 60_000)).toMatchObject({ suppressed: { reason: 'cap_reached' } });
    m.reset();
    expect(m.getState(0)).toEqual({ fired: 0, cap: 1, remaining: 1, cooldownRemainingMs: 0 });
    expect(m.feedDelta('a', 'good question', 1)).toMatchObject({ fired: { count: 1 } });
  });

  it('updateSettings() applies live, mid-utterance', () => {
    const m = createTriggerMatcher(base);
    m.feedDelta('a', 'so tell me', 0);
    m.updateSettings({ ...base, triggers: [...base.triggers, { phrase: 'tell me more', action: 'full' }], cooldownSeconds: 1 });
    expect(m.feedDelta('a', ' more', 0)).toMatchObject({ fired: { action: 'full', phrase: 'tell me more' } });
    expect(m.feedDelta('b', 'good question', 999)).toMatchObject({ suppressed: { reason: 'cooldown', retryInMs: 1 } });
    expect(m.feedDelta('c', 'good question', 1_000)).toMatchObject({ fired: {} });
  });
});

describe('bounded work', () => {
  it('still matches deep into a very long utterance, and a later phrase across deltas', () => {
    const m = createTriggerMatcher(base);
    for (let i = 0; i < 20_000; i++) expect(m.feedDelta('long', ` word${i % 50}`, 0)).toBeNull();
    expect(feedAll(m, 'long', [' good', ' quest', 'ion'])[2]).toMatchObject({ fired: {} });
  });

  it('keeps per-delta cost flat as the meeting grows', () => {
    const m = createTriggerMatcher({ ...base, cooldownSeconds: 0, perCallCap: 0 });
    const timeBatch = (offset: number) => {
      const t0 = performance.now();
      for (let i = 0; i < 2_000; i++) m.feedDelta(`item_${offset + Math.floor(i / 20)}`, ` some words ${i}`, 0);
      return performance.now() - t0;
    };
    timeBatch(0); // warm-up
    const early = timeBatch(1_000);
    for (let k = 0; k < 20; k++) timeBatch(2_000 + k * 1_000);
    const late = timeBatch(100_000);
    // 2,000 deltas well under the 5 ms budget each, and no growth with history (generous bound for noisy CI).
    expect(late / 2_000).toBeLessThan(0.5);
    expect(late).toBeLessThan(Math.max(early * 10, 250));
  });
});
