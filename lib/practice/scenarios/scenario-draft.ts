import type { FieldError } from '@/lib/contracts/action-result';
import type { Scenario, ScenarioInput } from '@/lib/contracts/scenario';
import type { ObjectionType } from '@/lib/contracts/turn-tag';

/**
 * The scenario editor's form model. Everything the user types is kept as text (numbers
 * too), so a half-typed form never loses input; `draftToInput` turns it into the object
 * the one scenario schema validates, and `placeErrors` puts each field error next to the
 * control it belongs to. Pure.
 */

type MetricDraft = { key: string; name: string; target: string; current: string; unit: string };
type ContractDraft = { key: string; name: string; value: string };
type ObjectionDraft = { key: string; type: ObjectionType; text: string };
type CriterionDraft = { key: string; text: string; signals: string; match: 'any' | 'all' };

export type ScenarioDraft = {
  id: string;
  title: string;
  summary: string;
  userRole: string;
  persona: { name: string; role: string; style: string; voiceInstructions: string; voice: string };
  facts: { phase: string; metrics: MetricDraft[]; contract: ContractDraft[]; other: string };
  hotButtons: string;
  objectionBank: ObjectionDraft[];
  escalation: { triggerPhrases: string; response: string };
  successCriteria: CriterionDraft[];
  defaultDifficulty: 'easy' | 'medium' | 'hard';
  difficultyNotes: { easy: string; medium: string; hard: string };
  openingLine: string;
  timeLimitMinutes: string;
};

let keySeq = 0;
export function rowKey(): string {
  keySeq += 1;
  return `row-${keySeq}`;
}

export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

function toNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  return t === '' ? Number.NaN : Number(t);
}

export function scenarioToDraft(s: Scenario): ScenarioDraft {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    userRole: s.userRole,
    persona: { ...s.persona },
    facts: {
      phase: s.facts.phase,
      metrics: Object.entries(s.facts.targets).map(([name, target]) => ({
        key: rowKey(),
        name,
        target: String(target),
        current: s.facts.current[name] === undefined ? '' : String(s.facts.current[name]),
        unit: s.facts.units[name] ?? '',
      })),
      contract: Object.entries(s.facts.contract).map(([name, value]) => ({ key: rowKey(), name, value })),
      other: s.facts.other.join('\n'),
    },
    hotButtons: s.hotButtons.join('\n'),
    objectionBank: s.objectionBank.map((o) => ({ key: rowKey(), type: o.type, text: o.text })),
    escalation: { triggerPhrases: s.escalation.triggerPhrases.join('\n'), response: s.escalation.response },
    successCriteria: s.successCriteria.map((c) => ({ key: rowKey(), text: c.text, signals: c.signals.join('\n'), match: c.match })),
    defaultDifficulty: s.defaultDifficulty,
    difficultyNotes: { ...s.difficultyNotes },
    openingLine: s.openingLine,
    timeLimitMinutes: String(s.timeLimitMinutes),
  };
}

export function blankDraft(): ScenarioDraft {
  return {
    id: '',
    title: '',
    summary: '',
    userRole: '',
    persona: { name: '', role: '', style: '', voiceInstructions: '', voice: 'sage' },
    facts: { phase: '', metrics: [{ key: rowKey(), name: '', target: '', current: '', unit: '' }], contract: [{ key: rowKey(), name: '', value: '' }], other: '' },
    hotButtons: '',
    objectionBank: (['Results', 'Plan', 'Governance'] as const).map((type) => ({ key: rowKey(), type, text: '' })),
    escalation: { triggerPhrases: '', response: '' },
    successCriteria: [{ key: rowKey(), text: '', signals: '', match: 'any' }],
    defaultDifficulty: 'medium',
    difficultyNotes: { easy: '', medium: '', hard: '' },
    openingLine: '',
    timeLimitMinutes: '10',
  };
}

const MAX_ID_LENGTH = 64;

/**
 * A scenario id made from its title, for a new scenario until the user edits the id:
 * lowercase ASCII words joined by dashes ("Budget cut: the CFO's call" -> "budget-cut-the-cfos-call"),
 * starting with a letter and cut at a word boundary to fit 64 characters. Empty when the
 * title has no letters or digits.
 */
export function idFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  while (words.length > 0 && !/^[a-z]/.test(words[0]!)) words.shift();
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > MAX_ID_LENGTH) break;
    id = next;
  }
  return id || (words[0] ?? '').slice(0, MAX_ID_LENGTH);
}

/** What the schema validates. Empty metric/contract rows are left out; every other row counts. */
export function draftToInput(d: ScenarioDraft): ScenarioInput {
  const metrics = d.facts.metrics.filter((m) => m.name.trim() || m.target.trim() || m.current.trim() || m.unit.trim());
  const contract = d.facts.contract.filter((c) => c.name.trim() || c.value.trim());
  return {
    id: d.id.trim(),
    title: d.title,
    summary: d.summary,
    userRole: d.userRole,
    persona: { ...d.persona } as ScenarioInput['persona'],
    facts: {
      phase: d.facts.phase,
      targets: Object.fromEntries(metrics.map((m) => [m.name.trim(), toNumber(m.target)])),
      current: Object.fromEntries(metrics.filter((m) => m.current.trim() !== '').map((m) => [m.name.trim(), toNumber(m.current)])),
      units: Object.fromEntries(metrics.filter((m) => m.unit.trim() !== '').map((m) => [m.name.trim(), m.unit.trim()])),
      contract: Object.fromEntries(contract.map((c) => [c.name.trim(), c.value])),
      other: lines(d.facts.other),
    },
    hotButtons: lines(d.hotButtons),
    objectionBank: d.objectionBank.map((o) => ({ type: o.type, text: o.text })),
    escalation: { triggerPhrases: lines(d.escalation.triggerPhrases), response: d.escalation.response },
    successCriteria: d.successCriteria.map((c) => ({ text: c.text, signals: lines(c.signals), match: c.match })),
    defaultDifficulty: d.defaultDifficulty,
    difficultyNotes: { ...d.difficultyNotes },
    openingLine: d.openingLine,
    timeLimitMinutes: toNumber(d.timeLimitMinutes),
  };
}

/** Zod's wording, made plainer for a form. */
export function friendlyMessage(message: string): string {
  return message
    .replace(/^Invalid input: expected number, received NaN$/, 'enter a number')
    .replace(/^Invalid input: expected string, received undefined$/, 'required')
    .replace(/^Too small: expected string to have >=(\d+) characters?$/, (_, n) => (n === '1' ? 'required' : `use at least ${n} characters`))
    .replace(/^Too big: expected string to have <=(\d+) characters?$/, 'use at most $1 characters')
    .replace(/^Too small: expected array to have >=(\d+) items?$/, (_, n) => `add at least ${n}`)
    .replace(/^Too big: expected array to have <=(\d+) items?$/, 'at most $1 allowed')
    .replace(/^Too small: expected number to be >=(\d+)$/, 'must be at least $1')
    .replace(/^Too big: expected number to be <=(\d+)$/, 'must be at most $1')
    .replace(/^Invalid key in record$/, 'name it (1-60 characters)');
}

export type PlacedError = FieldError & { label: string | null };

const SIMPLE = new Set([
  'id', 'title', 'summary', 'userRole', 'openingLine', 'timeLimitMinutes', 'defaultDifficulty',
  'persona.name', 'persona.role', 'persona.style', 'persona.voiceInstructions', 'persona.voice',
  'facts.phase', 'escalation.response', 'difficultyNotes.easy', 'difficultyNotes.medium', 'difficultyNotes.hard',
]);
const LIST_SLOTS = ['hotButtons', 'facts.other', 'escalation.triggerPhrases'] as const;

/**
 * Which slot of the form shows each error: a simple field by its path, a table row by the
 * row's key ("metric:<key>", "objection:<key>", ...), a list or section by its path, and
 * anything else under "general". Each error lands in exactly one slot.
 */
export function placeErrors(errors: readonly FieldError[], draft: ScenarioDraft): Map<string, PlacedError[]> {
  const out = new Map<string, PlacedError[]>();
  const put = (slot: string, e: FieldError, label: string | null = null) => out.set(slot, [...(out.get(slot) ?? []), { ...e, message: friendlyMessage(e.message), label }]);
  for (const e of errors) {
    const p = e.path;
    const parts = p.split('.');
    if (SIMPLE.has(p)) {
      put(p, e);
      continue;
    }
    const list = LIST_SLOTS.find((slot) => p === slot || p.startsWith(`${slot}.`));
    if (list) {
      const index = p.slice(list.length + 1);
      put(list, e, index ? `item ${Number(index) + 1}` : null);
      continue;
    }
    const metric = /^facts\.(targets|current|units)\.(.*)$/.exec(p);
    if (metric) {
      const row = draft.facts.metrics.find((m) => m.name.trim() === metric[2]);
      put(row ? `metric:${row.key}` : 'facts', e, metric[1] === 'targets' ? 'target' : metric[1] === 'current' ? 'current' : 'unit');
      continue;
    }
    const contract = /^facts\.contract\.(.*)$/.exec(p);
    if (contract) {
      const row = draft.facts.contract.find((c) => c.name.trim() === contract[1]);
      put(row ? `contract:${row.key}` : 'facts.contract', e);
      continue;
    }
    if (parts[0] === 'objectionBank' || parts[0] === 'successCriteria') {
      const rows = parts[0] === 'objectionBank' ? draft.objectionBank : draft.successCriteria;
      const row = parts[1] !== undefined ? rows[Number(parts[1])] : undefined;
      const slot = parts[0] === 'objectionBank' ? 'objection' : 'criterion';
      const field = parts[2] === 'signals' && parts[3] !== undefined ? `signal ${Number(parts[3]) + 1}` : (parts[2] ?? null);
      if (row) put(`${slot}:${row.key}`, e, field);
      else put(parts[0], e);
      continue;
    }
    if (p.startsWith('facts')) {
      put(p === 'facts.contract' ? 'facts.contract' : 'facts', e);
      continue;
    }
    put('general', e);
  }
  return out;
}
