import { assistantMessage, modelError, modelResponder, ScriptedModel } from '@openai/agents/testing';
import { describe, expect, it, vi } from 'vitest';
import { buildDebriefInput, DEBRIEF_COACH_INSTRUCTIONS } from '@/agents/debrief-coach';
import { defaultScenario } from '@/agents/scenarios';
import { computeDeliveryMetrics } from '@/lib/practice/debrief/metrics';
import { buildRubricDebrief, RUBRIC_NOTE } from '@/lib/practice/debrief/rubric';
import { type DebriefInput } from '@/lib/contracts/debrief';
import { classifyDebriefError, DEBRIEF_ERROR_MESSAGES, runDebrief } from './run-debrief';
import type { DebriefModelOutput } from '@/lib/contracts/debrief';
import { strongCall, strongTags } from '@/lib/practice/debrief/test-calls';

// Never reach the real API from tests, whatever the developer's environment holds.
vi.stubEnv('OPENAI_API_KEY', '');

const coo = defaultScenario();
const input: DebriefInput = { scenario: coo, difficulty: 'hard', transcript: strongCall, tags: strongTags, metrics: computeDeliveryMetrics(strongCall) };

const modelOutput: DebriefModelOutput = {
  score: 8,
  summary: 'You owned the gap early and gave a dated plan.',
  strengths: ['Owned the gap in your first answer.'],
  improvements: ['Slow down when you give numbers.'],
  keyTakeaway: 'Lead with the owner and the date.',
  criteria: coo.successCriteria.map((c, i) => ({
    criterion: c.text,
    met: i !== 4,
    evidence: i === 0 ? "We own this gap, it's on us." : '',
  })),
};

/** The exact structured-output definition the SDK sends for the debrief agent. */
const EXPECTED_OUTPUT_TYPE = {
  type: 'json_schema',
  name: 'output',
  strict: true,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      score: { type: 'integer', minimum: 1, maximum: 10, description: 'Overall performance, 1 (poor) to 10 (excellent)' },
      summary: { type: 'string', description: 'Two or three sentences on how the call went' },
      strengths: { type: 'array', items: { type: 'string' }, description: 'What the consultant did well, concrete, 1-4 items' },
      improvements: { type: 'array', items: { type: 'string' }, description: 'What to do differently next time, concrete, 1-4 items' },
      keyTakeaway: { type: 'string', description: 'The single most important lesson, one sentence' },
      criteria: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            criterion: { type: 'string', description: 'The success criterion, copied exactly from the list given' },
            met: { type: 'boolean', description: 'true only if the consultant clearly did this' },
            evidence: {
              type: 'string',
              description: "A short verbatim quote of the consultant's words that shows it; empty string if not met and nothing close was said",
            },
          },
          required: ['criterion', 'met', 'evidence'],
          additionalProperties: false,
        },
        description: 'One verdict per success criterion, in the order given',
      },
    },
    required: ['score', 'summary', 'strengths', 'improvements', 'keyTakeaway', 'criteria'],
    additionalProperties: false,
  },
};

describe('runDebrief, model path (ScriptedModel, tracing off)', () => {
  it('sends the exact structured-output schema, the coach instructions and the transcript with tags', async () => {
    const model = new ScriptedModel([[assistantMessage(JSON.stringify(modelOutput))]]);
    const debrief = await runDebrief(input, { backend: 'openai', model });
    model.assertComplete();
    expect(model.calls).toHaveLength(1);
    const request = model.firstCall!.request;
    expect(request.outputType).toEqual(EXPECTED_OUTPUT_TYPE);
    expect(request.systemInstructions).toBe(DEBRIEF_COACH_INSTRUCTIONS);
    expect(request.tools).toEqual([]);
    expect(request.tracing).toBe(false);
    expect(request.input).toEqual([{ type: 'message', role: 'user', content: buildDebriefInput(input) }]);
    expect(debrief).toEqual({ ...modelOutput, source: 'model', notes: [], fallback: null });
  });

  it('lines verdicts up with the scenario and notes missing verdicts and unquoted evidence', async () => {
    const output = {
      ...modelOutput,
      criteria: [
        { criterion: coo.successCriteria[1]!.text.toUpperCase(), met: true, evidence: 'Sarah owns it by June' },
        { criterion: coo.successCriteria[0]!.text, met: true, evidence: "We own this gap, it's on us." },
      ],
    };
    const model = new ScriptedModel([[assistantMessage(JSON.stringify(output))]]);
    const debrief = await runDebrief(input, { backend: 'openai', model });
    expect(debrief.source).toBe('model');
    expect(debrief.criteria.map((c) => [c.criterion, c.met])).toEqual(coo.successCriteria.map((c, i) => [c.text, i < 2]));
    expect(debrief.notes).toEqual([
      `The quote given for "${coo.successCriteria[1]!.text}" is not word-for-word in your transcript.`,
      `The AI coach gave no verdict for "${coo.successCriteria[2]!.text}"; it is shown as not met.`,
      `The AI coach gave no verdict for "${coo.successCriteria[3]!.text}"; it is shown as not met.`,
      `The AI coach gave no verdict for "${coo.successCriteria[4]!.text}"; it is shown as not met.`,
    ]);
  });
});

describe('runDebrief, failures fall back to the rubric', () => {
  const rubric = buildRubricDebrief(input);
  const cases: Array<[string, ConstructorParameters<typeof ScriptedModel>[0], 'upstream_unauthorized' | 'upstream_rate_limited' | 'upstream_unavailable' | 'upstream_invalid_output']> = [
    ['401', [modelError(Object.assign(new Error('Incorrect API key'), { status: 401 }))], 'upstream_unauthorized'],
    ['429', [modelError(Object.assign(new Error('Rate limit'), { status: 429 }))], 'upstream_rate_limited'],
    ['503', [modelError(Object.assign(new Error('Service unavailable'), { status: 503 }))], 'upstream_unavailable'],
    ['network', [modelError(new TypeError('fetch failed'))], 'upstream_unavailable'],
    ['not JSON', [[assistantMessage('I think the score is 7')]], 'upstream_invalid_output'],
    ['out of range', [[assistantMessage(JSON.stringify({ ...modelOutput, score: 11 }))]], 'upstream_invalid_output'],
  ];
  it.each(cases)('%s -> %s', async (_label, steps, code) => {
    const debrief = await runDebrief(input, { backend: 'openai', model: new ScriptedModel(steps) });
    expect(debrief).toEqual({ ...rubric, notes: [DEBRIEF_ERROR_MESSAGES[code], RUBRIC_NOTE], fallback: { code, message: DEBRIEF_ERROR_MESSAGES[code] } });
  });

  it('times out a model that never answers', async () => {
    const model = new ScriptedModel([modelResponder(() => new Promise(() => undefined))]);
    const started = Date.now();
    const debrief = await runDebrief(input, { backend: 'openai', model, timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(debrief.source).toBe('rubric');
    expect(debrief.fallback?.code).toBe('timeout');
  });

  it('maps error names and statuses', () => {
    expect(classifyDebriefError(Object.assign(new Error('x'), { name: 'APIConnectionTimeoutError' }))).toBe('timeout');
    expect(classifyDebriefError(Object.assign(new Error('x'), { status: 403 }))).toBe('upstream_unauthorized');
    expect(classifyDebriefError(null)).toBe('upstream_unavailable');
  });
});

describe('runDebrief, local backend', () => {
  it('uses the rubric and never calls a model', async () => {
    const model = new ScriptedModel([]);
    const debrief = await runDebrief(input, { backend: 'local', model });
    expect(model.calls).toHaveLength(0);
    expect(debrief).toEqual(buildRubricDebrief(input));
  });
});

describe('buildDebriefInput', () => {
  it('gives criteria in order, measured metrics, trigger phrases and tags inline', () => {
    const text = buildDebriefInput(input);
    expect(text).toContain('Scenario: Municipal COO: SIC compliance behind target (difficulty: hard)');
    expect(text).toContain('1. Owns the gap without blaming client staff\n2. Presents a recovery plan with named owners and dates');
    expect(text).toContain('- Talk ratio (you): 65.5 % (reference 30-45)');
    expect(text).toContain('- Speaking pace: 174 words/min (reference 140-160)');
    expect(text).toContain('- Escalation trigger phrases the consultant used: none');
    expect(text).toContain(
      "[0:00] CLIENT: I've seen the numbers. Seventy-eight against ninety-five. Explain.\n    [tag: Results, difficulty 3, skeptical; next probe: Who owns the fix?]\n[0:06] CONSULTANT: We own this gap",
    );
    expect(text).toContain('Other turn tags, in order:\n- [tag: Plan, difficulty 2, neutral; next probe: Anything else?]');
  });
});

describe('runDebrief, OpenAI backend without a key', () => {
  it('falls back to the rubric as upstream_unauthorized without any network call', async () => {
    const debrief = await runDebrief(input, { backend: 'openai' });
    expect(debrief.source).toBe('rubric');
    expect(debrief.fallback).toEqual({ code: 'upstream_unauthorized', message: DEBRIEF_ERROR_MESSAGES.upstream_unauthorized });
  });
});
