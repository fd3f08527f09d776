import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, defaultScenario, getBuiltinScenario } from '@/agents/scenarios';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import { personaBriefSchema } from '@/lib/contracts/persona-brief';
import { DIFFICULTIES } from '@/lib/contracts/scenario';
import { asksOf, buildPersonaBrief, quotesIn } from './roleplay-brief';

const coo = defaultScenario();

describe('buildPersonaBrief', () => {
  it('carries the scenario and the difficulty profile as data', () => {
    const brief = buildPersonaBrief(coo, 'medium');
    expect(brief).toMatchObject({
      name: 'Helen Brandt',
      role: coo.persona.role,
      openingLine: coo.openingLine,
      tagRange: { min: 2, max: 4 },
      startingSentiment: 'skeptical',
      escalateEvery: 3,
      interruptAfterSentences: 3,
      needs: ['owner', 'date'],
      creditsPartialAnswers: false,
      escalation: { line: coo.escalation.response, triggerPhrases: coo.escalation.triggerPhrases, quotes: [] },
    });
    expect(brief.objections.map(({ type, text }) => ({ type, text }))).toEqual(coo.objectionBank);
    expect(brief.criteria).toEqual(coo.successCriteria.map((c) => ({ text: c.text, signals: c.signals, match: c.match })));
  });

  it('follows each difficulty profile', () => {
    for (const level of DIFFICULTIES) {
      const p = DIFFICULTY_PROFILES[level];
      const brief = buildPersonaBrief(coo, level);
      expect([brief.tagRange, brief.startingSentiment, brief.escalateEvery, brief.interruptAfterSentences, brief.needs, brief.creditsPartialAnswers]).toEqual([
        p.tagDifficulty,
        p.startingSentiment,
        p.escalateEveryTurns,
        p.interruptAfterSentences,
        p.commitmentNeeds,
        p.creditsPartialAnswers,
      ]);
    }
    expect(buildPersonaBrief(coo, 'hard').needs).toEqual(['owner', 'date', 'checkpoint']);
  });

  it('is pure and valid for every built-in scenario at every level', () => {
    for (const scenario of BUILTIN_SCENARIOS) {
      for (const level of DIFFICULTIES) {
        const brief = buildPersonaBrief(scenario, level);
        expect(personaBriefSchema.parse(brief)).toEqual(brief);
        expect(buildPersonaBrief(scenario, level)).toEqual(brief);
      }
    }
  });
});

describe('what an objection asks for', () => {
  it('reads owners, dates, checkpoints and numbers from the objection text', () => {
    expect(asksOf('Who on your side owns this? One name.')).toEqual(['owner']);
    expect(asksOf('What checkpoint tells me in two weeks whether this is working?')).toEqual(['checkpoint']);
    expect(asksOf('When will the failover be tested, and who watches the test?')).toEqual(['owner', 'date']);
    expect(asksOf('What did we actually get for five hundred thousand last year? In numbers.')).toEqual(['number']);
    expect(asksOf('Whose data is wrong?')).toEqual([]);
    expect(asksOf('Who was the incident commander, and when did they call me?')).toEqual([]);
  });
});

describe('quotes in the escalation line', () => {
  it('finds a quoted phrase and its sentence, not apostrophes', () => {
    const cio = getBuiltinScenario('cio-outage-review')!;
    expect(quotesIn(cio.escalation.response)).toEqual([{ phrase: 'one-off', sentence: "I've heard 'one-off' before." }]);
    expect(buildPersonaBrief(cio, 'medium').escalation.quotes).toEqual([{ phrase: 'one-off', sentence: "I've heard 'one-off' before." }]);
    expect(quotesIn("Stop. I didn't hire you to tell me why it's hard. You'll fix it.")).toEqual([]);
    expect(quotesIn('You keep saying "complicated". It is not. Fix it.')).toEqual([{ phrase: 'complicated', sentence: 'You keep saying "complicated".' }]);
  });
});
