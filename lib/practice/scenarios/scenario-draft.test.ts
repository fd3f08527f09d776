import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, defaultScenario } from '@/agents/scenarios';
import { parseScenario } from '@/lib/contracts/scenario';
import { blankDraft, draftToInput, friendlyMessage, idFromTitle, lines, placeErrors, scenarioToDraft } from './scenario-draft';

describe('scenario draft', () => {
  it.each(BUILTIN_SCENARIOS.map((s) => [s.id, s] as const))('round-trips %s through the form model unchanged', (_, scenario) => {
    const parsed = parseScenario(draftToInput(scenarioToDraft(scenario)));
    expect(parsed).toEqual({ ok: true, scenario });
  });

  it('keeps numbers as typed text and converts them on the way out', () => {
    const d = scenarioToDraft(defaultScenario());
    expect(d.facts.metrics[0]).toMatchObject({ name: 'SIC compliance', target: '95', current: '78', unit: '%' });
    d.facts.metrics[0]!.current = '81,5';
    d.timeLimitMinutes = '12';
    const input = draftToInput(d);
    expect(input.facts.current).toEqual({ 'SIC compliance': 81.5, 'Depots live on the new process': 7 });
    expect(input.timeLimitMinutes).toBe(12);
  });

  it('splits list fields by line and ignores blank lines and blank table rows', () => {
    expect(lines(' a \n\n b\n')).toEqual(['a', 'b']);
    const d = blankDraft();
    expect(draftToInput(d).facts).toEqual({ phase: '', targets: {}, current: {}, units: {}, contract: {}, other: [] });
    expect(draftToInput(d).objectionBank).toHaveLength(3);
  });

  it('refuses a blank form field by field, each error next to its control', () => {
    const d = blankDraft();
    d.timeLimitMinutes = '';
    const parsed = parseScenario(draftToInput(d));
    if (parsed.ok) throw new Error('a blank scenario must not parse');
    const placed = placeErrors(parsed.errors, d);
    expect([...placed.keys()]).toEqual([
      'id', 'title', 'summary', 'userRole', 'persona.name', 'persona.role', 'persona.style', 'persona.voiceInstructions',
      'facts.phase', 'hotButtons', `objection:${d.objectionBank[0]!.key}`, `objection:${d.objectionBank[1]!.key}`,
      `objection:${d.objectionBank[2]!.key}`, 'escalation.triggerPhrases', 'escalation.response', `criterion:${d.successCriteria[0]!.key}`,
      'openingLine', 'timeLimitMinutes',
    ]);
    expect(placed.get('timeLimitMinutes')).toEqual([{ path: 'timeLimitMinutes', message: 'enter a number', label: null }]);
    expect(placed.get('persona.role')?.[0]?.message).toBe('use at least 3 characters');
    expect(placed.get(`criterion:${d.successCriteria[0]!.key}`)?.map((e) => [e.path, e.label])).toEqual([
      ['successCriteria.0.text', 'text'],
      ['successCriteria.0.signals', 'signals'],
    ]);
  });

  it('puts metric, contract and list item errors on their rows', () => {
    const d = scenarioToDraft(defaultScenario());
    const metric = d.facts.metrics[1]!;
    const contract = d.facts.contract[0]!;
    const placed = placeErrors(
      [
        { path: 'facts.targets.Depots live on the new process', message: 'Invalid input: expected number, received NaN' },
        { path: `facts.contract.${contract.name}`, message: 'Too small: expected string to have >=1 characters' },
        { path: 'hotButtons.2', message: 'Too small: expected string to have >=3 characters' },
        { path: 'successCriteria.1.signals.0', message: 'use words' },
        { path: 'facts.current.ghost', message: '"ghost" has no target' },
        { path: '(root)', message: 'odd' },
      ],
      d,
    );
    expect(placed.get(`metric:${metric.key}`)).toEqual([{ path: 'facts.targets.Depots live on the new process', message: 'enter a number', label: 'target' }]);
    expect(placed.get(`contract:${contract.key}`)?.[0]?.message).toBe('required');
    expect(placed.get('hotButtons')).toEqual([{ path: 'hotButtons.2', message: 'use at least 3 characters', label: 'item 3' }]);
    expect(placed.get(`criterion:${d.successCriteria[1]!.key}`)?.[0]?.label).toBe('signal 1');
    expect(placed.get('facts')?.[0]?.path).toBe('facts.current.ghost');
    expect(placed.get('general')?.[0]?.path).toBe('(root)');
  });

  it('words zod messages plainly', () => {
    expect(friendlyMessage('Too small: expected array to have >=3 items')).toBe('add at least 3');
    expect(friendlyMessage('Too big: expected number to be <=60')).toBe('must be at most 60');
    expect(friendlyMessage('something custom')).toBe('something custom');
  });

  it('derives a valid kebab-case id from the title', () => {
    expect(idFromTitle("Budget cut: the CFO's call")).toBe('budget-cut-the-cfos-call');
    expect(idFromTitle('  Réunion   de crise — Zürich  ')).toBe('reunion-de-crise-zurich');
    expect(idFromTitle('2025 board review, round 2')).toBe('board-review-round-2');
    expect(idFromTitle('!!!')).toBe('');
    const long = idFromTitle('The very long title of a scenario that keeps going well past what any id should hold');
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long.endsWith('-')).toBe(false);
    expect(long).toBe('the-very-long-title-of-a-scenario-that-keeps-going-well-past');
    for (const title of ["Budget cut: the CFO's call", 'Réunion de crise', 'A late delivery']) {
      expect(parseScenario(draftToInput({ ...scenarioToDraft(BUILTIN_SCENARIOS[0]!), id: idFromTitle(title) })).ok).toBe(true);
    }
  });
});
