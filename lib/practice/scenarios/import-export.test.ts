import { describe, expect, it } from 'vitest';
import { exportScenarioJson, importScenarioJson, scenarioFileName } from './import-export';
import { BUILTIN_SCENARIOS, defaultScenario } from '@/agents/scenarios';

describe('scenario import/export', () => {
  it('round-trips every built-in scenario exactly', () => {
    for (const s of BUILTIN_SCENARIOS) {
      const text = exportScenarioJson(s);
      expect(JSON.parse(text)).toMatchObject({ format: 'cue-scenario', version: 1 });
      expect(importScenarioJson(text)).toEqual({ ok: true, scenario: s });
    }
    expect(scenarioFileName(defaultScenario())).toBe('municipal-coo-sic.cue-scenario.json');
  });

  it('accepts a bare scenario object', () => {
    expect(importScenarioJson(JSON.stringify(defaultScenario()))).toEqual({ ok: true, scenario: defaultScenario() });
  });

  it('reports broken JSON, wrong envelopes and non-objects', () => {
    const broken = importScenarioJson('{ "id": ');
    expect(broken.ok).toBe(false);
    expect(broken.ok ? null : broken.errors[0]?.path).toBe('(file)');
    expect(broken.ok ? null : broken.errors[0]?.message).toMatch(/^not valid JSON: /);
    expect(importScenarioJson('[1,2]')).toEqual({ ok: false, errors: [{ path: '(file)', message: 'expected a JSON object' }] });
    expect(importScenarioJson('{"format":"other","scenario":{}}')).toEqual({ ok: false, errors: [{ path: 'format', message: 'expected "cue-scenario"' }] });
    expect(importScenarioJson('{"format":"cue-scenario","version":2,"scenario":{}}')).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'unsupported version; this app reads version 1' }],
    });
  });

  it('lists every invalid field and returns no scenario', () => {
    const s = structuredClone(defaultScenario()) as Record<string, unknown>;
    delete s.openingLine;
    s.hotButtons = [];
    (s.escalation as Record<string, unknown>).triggerPhrases = ['ok', ''];
    const r = importScenarioJson(exportScenarioJson(s as never));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['hotButtons', 'escalation.triggerPhrases.1', 'openingLine']);
  });

  it('refuses oversized files before parsing', () => {
    const r = importScenarioJson(' '.repeat(200_001));
    expect(r).toEqual({ ok: false, errors: [{ path: '(file)', message: 'file is larger than 200000 characters' }] });
  });
});
