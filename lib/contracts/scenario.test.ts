import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID, defaultScenario, getBuiltinScenario } from '@/agents/scenarios';
import { municipalCooSic } from '@/agents/scenarios/municipal-coo-sic';
import { parseScenario, scenarioSchema, type ScenarioInput } from './scenario';

const clone = (): ScenarioInput => structuredClone(municipalCooSic) as ScenarioInput;

describe('built-in library', () => {
  it('holds at least three valid scenarios with unique ids, the seed COO first', () => {
    expect(BUILTIN_SCENARIOS.length).toBeGreaterThanOrEqual(3);
    expect(BUILTIN_SCENARIOS.map((s) => s.id)).toEqual(['municipal-coo-sic', 'procurement-price-pushback', 'cio-outage-review']);
    expect(new Set(BUILTIN_SCENARIOS.map((s) => s.id)).size).toBe(BUILTIN_SCENARIOS.length);
    expect(DEFAULT_SCENARIO_ID).toBe('municipal-coo-sic');
    expect(defaultScenario().id).toBe('municipal-coo-sic');
    expect(getBuiltinScenario('nope')).toBeUndefined();
  });

  it('keeps the seed facts: SIC compliance behind target and a payment milestone at risk', () => {
    const coo = defaultScenario();
    expect(coo.persona.style).toContain('low tolerance for excuses');
    expect(coo.facts.targets['SIC compliance']).toBe(95);
    expect(coo.facts.current['SIC compliance']).toBe(78);
    expect(coo.facts.contract.payment_milestone).toContain('90%');
    expect(coo.escalation.triggerPhrases).toEqual(expect.arrayContaining(['staff resistance', 'not our fault', 'need more time']));
  });

  it('covers every objection type across the library and uses each scenario defaults', () => {
    for (const s of BUILTIN_SCENARIOS) {
      expect(s.objectionBank.length).toBeGreaterThanOrEqual(8);
      expect(s.successCriteria.length).toBeGreaterThanOrEqual(4);
      expect(s.defaultDifficulty).toBe('medium');
    }
    const types = new Set(BUILTIN_SCENARIOS.flatMap((s) => s.objectionBank.map((o) => o.type)));
    expect([...types].sort()).toEqual(['Data', 'Governance', 'Payment', 'Plan', 'Results']);
  });
});

describe('scenario schema', () => {
  it('applies defaults to optional fields', () => {
    const input = clone();
    delete input.timeLimitMinutes;
    delete input.difficultyNotes;
    delete input.defaultDifficulty;
    const s = scenarioSchema.parse(input);
    expect(s.timeLimitMinutes).toBe(10);
    expect(s.defaultDifficulty).toBe('medium');
    expect(s.difficultyNotes).toEqual({ easy: '', medium: '', hard: '' });
    expect(s.successCriteria[0]?.match).toBe('any');
  });

  it('refuses bad input field by field, with paths the editor can show', () => {
    const input = clone() as Record<string, unknown>;
    input.id = 'Bad Id';
    (input.persona as Record<string, unknown>).voice = 'robot';
    (input.facts as { current: Record<string, number> }).current['Ghost metric'] = 3;
    input.objectionBank = [{ type: 'Mood', text: 'Why?' }];
    input.timeLimitMinutes = 0;
    const r = parseScenario(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path).sort();
    expect(paths).toEqual([
      'facts.current.Ghost metric',
      'id',
      'objectionBank',
      'objectionBank.0.text',
      'objectionBank.0.type',
      'persona.voice',
      'timeLimitMinutes',
    ]);
    expect(r.errors.find((e) => e.path === 'facts.current.Ghost metric')?.message).toBe('"Ghost metric" has no target');
  });

  it('accepts signal tokens and alternatives, refuses unknown tokens', () => {
    const ok = clone();
    ok.successCriteria = [{ text: 'Gives a date or a number', signals: ['@date|@number', 'plan'], match: 'all' }];
    expect(parseScenario(ok).ok).toBe(true);
    const bad = clone();
    bad.successCriteria = [{ text: 'Gives a date', signals: ['@deadline|soon'] }];
    const r = parseScenario(bad);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['successCriteria.0.signals.0']);
  });

  it('trims strings and rejects blanks', () => {
    const input = clone();
    input.title = '   ';
    input.openingLine = '  Explain.  ';
    const r = parseScenario(input);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['title']);
    input.title = 'Valid title';
    const r2 = parseScenario(input);
    expect(r2.ok && r2.scenario.openingLine).toBe('Explain.');
  });
});
