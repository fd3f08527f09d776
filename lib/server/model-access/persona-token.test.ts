import { buildPersonaBrief } from '@/agents/prompts/roleplay-brief';
import { ENGINE_TOKEN_MAX_CHARS } from '@/lib/engine/token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildRoleplayAgentConfig } from '@/agents/roleplay-client';
import { BUILTIN_SCENARIOS, defaultScenario } from '@/agents/scenarios';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import { type PersonaBrief } from '@/lib/contracts/persona-brief';
import { escalationMetadata } from '@/lib/contracts/escalation-metadata';
import { DIFFICULTIES, scenarioSchema, type Difficulty, type Scenario } from '@/lib/contracts/scenario';
import { OBJECTION_TYPES, tagTurnParametersSchema } from '@/lib/contracts/turn-tag';
import { replyPolicyFor } from '@/lib/engine/replies/registry';
import type { ReplyContext, ReplyItem } from '@/lib/engine/replies/types';
import type { EngineHandle } from '@/lib/engine/server';
import { startTestEngine, TEST_SECRET } from '@/lib/engine/test-support';
import { verifyEngineToken } from '@/lib/engine/token';
import { parseEnv } from '@/lib/server/env-schema';
import { mintRealtimeSecret } from './mint';
import { testMintLimits } from '@/lib/server/limits/test-support';
import type { FetchLike } from './openai-client-secrets';

/**
 * The persona brief from the prompt side to the engine: build the role-play config from a
 * scenario, mint a local-engine token the way the app does, verify it the way the engine
 * does, and play the persona policy from the verified claim.
 */

const healthy: FetchLike = async () => new Response('{"ok":true}', { status: 200 });

async function mintFor(scenario: Scenario, difficulty: Difficulty, engineUrl = 'ws://127.0.0.1:9/v1/realtime', secret = 'engine-secret') {
  const env = parseEnv({ CUE_ENGINE_SECRET: secret, CUE_ENGINE_URL: engineUrl });
  const config = buildRoleplayAgentConfig(scenario, difficulty);
  const limits = testMintLimits();
  return mintRealtimeSecret({ agentId: config.id, subject: 'k', clientIp: '10.0.0.1', config }, { env, fetchImpl: healthy, limits });
}

function asEngine(token: string): PersonaBrief {
  const check = verifyEngineToken(token, 'engine-secret');
  if (!check.ok) throw new Error(`token refused: ${check.reason}`);
  expect(check.claims.agent).toBe('roleplay-client');
  if (!check.claims.persona) throw new Error('token carries no persona');
  return check.claims.persona;
}

const user = (text: string): ReplyItem => ({ type: 'message', id: null, role: 'user', text });
const client = (text: string): ReplyItem => ({ type: 'message', id: null, role: 'assistant', text });

function reply(persona: PersonaBrief, items: ReplyItem[], metadata: Record<string, string> | null = null) {
  const ctx: ReplyContext = {
    agentId: 'roleplay-client',
    persona,
    instructions: 'ignored by the persona',
    tools: [{ name: 'tag_turn' }],
    conversationItems: items,
    request: { outOfBand: false, inputOverride: false, responseInstructions: null, trigger: 'turn_detection', metadata, toolChoice: 'auto' },
  };
  const out = replyPolicyFor('roleplay-client')(ctx);
  const tag = tagTurnParametersSchema.parse(out.toolCalls?.[0]?.arguments);
  return { text: out.text, tag };
}

describe('persona brief: builder -> mint -> engine token -> persona policy', () => {
  for (const scenario of BUILTIN_SCENARIOS) {
    for (const difficulty of DIFFICULTIES) {
      it(`${scenario.id} on ${difficulty}: opening line, objections and tags come from the scenario`, async () => {
        const minted = await mintFor(scenario, difficulty);
        expect(minted.backend).toBe('local');
        const persona = asEngine(minted.clientSecret);
        const range = DIFFICULTY_PROFILES[difficulty].tagDifficulty;
        const bank = scenario.objectionBank.map((o) => o.text);

        const opening = reply(persona, []);
        expect(opening.text).toBe(scenario.openingLine);
        expect(opening.tag).toMatchObject({ difficulty: range.min, sentiment: DIFFICULTY_PROFILES[difficulty].startingSentiment, next_probe: bank[0] });

        const answer = 'Maria Lopez owns the fix by 1 March, with a weekly review every Friday.';
        const good = reply(persona, [client(scenario.openingLine), user(answer)]);
        expect(good.text.startsWith('Maria Lopez by 1 March, with a weekly review — fine. ')).toBe(true);
        const raised = scenario.objectionBank.find((o) => good.text.endsWith(o.text));
        expect(raised, good.text).toBeDefined();
        expect(good.tag.objection_type).toBe(raised?.type);
        expect(good.tag.difficulty).toBeGreaterThanOrEqual(range.min);
        expect(good.tag.difficulty).toBeLessThanOrEqual(range.max);

        const vague = reply(persona, [client(scenario.openingLine), user('We are working on it.')]);
        expect(vague.text.startsWith('No owner, no date')).toBe(true);
        expect(OBJECTION_TYPES).toContain(vague.tag.objection_type);

        const said = `Honestly, ${scenario.escalation.triggerPhrases[0]}.`;
        const escalation = reply(persona, [client(scenario.openingLine), user(said)], escalationMetadata(1, scenario.escalation.triggerPhrases[0] ?? null));
        expect(escalation.tag).toMatchObject({ difficulty: range.max, sentiment: 'frustrated' });
        if (persona.escalation.quotes.length === 0) expect(escalation.text).toBe(scenario.escalation.response);
        else expect(escalation.text).toContain(`'${scenario.escalation.triggerPhrases[0]}'`);
      });
    }
  }
});

describe('persona brief over a real engine socket', () => {
  let engine: EngineHandle;
  beforeAll(async () => {
    engine = await startTestEngine();
  });
  afterAll(() => engine.close());

  /** Connect as the browser SDK does (the token in the subprotocol) and ask for the first response. */
  async function openingOver(token: string): Promise<string> {
    const ws = new WebSocket(engine.url, ['realtime', `openai-insecure-api-key.${token}`]);
    const done = new Promise<string>((resolve, reject) => {
      ws.on('message', (data) => {
        const event = JSON.parse(String(data)) as { type: string; response?: { output: { content?: { transcript?: string }[] }[] } };
        if (event.type === 'session.created') ws.send(JSON.stringify({ type: 'response.create' }));
        if (event.type === 'response.done') resolve(event.response?.output[0]?.content?.[0]?.transcript ?? '');
      });
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    });
    try {
      return await done;
    } finally {
      ws.close();
    }
  }

  it('plays the persona from the token for a built-in scenario', async () => {
    const minted = await mintFor(defaultScenario(), 'medium', engine.url, TEST_SECRET);
    expect(await openingOver(minted.clientSecret)).toBe(defaultScenario().openingLine);
  });

  it('accepts the largest persona a scenario can hold (the token rides in the upgrade headers)', async () => {
    const long = (n: number, max: number) => `${'Why should I believe this next number from you '.repeat(10)}`.slice(0, max - String(n).length - 1) + ` ${n}`;
    const biggest = scenarioSchema.parse({
      ...defaultScenario(),
      objectionBank: Array.from({ length: 30 }, (_, i) => ({ type: OBJECTION_TYPES[i % 5], text: long(i, 300) })),
      escalation: { triggerPhrases: Array.from({ length: 20 }, (_, i) => `trigger phrase ${i} ${'x'.repeat(60)}`), response: `'${'y'.repeat(70)}' ${'z'.repeat(320)}` },
      successCriteria: Array.from({ length: 8 }, (_, i) => ({ text: `Criterion ${i} ${'c'.repeat(180)}`, signals: Array.from({ length: 20 }, (_, j) => `signal ${j} ${'s'.repeat(100)}`) })),
      openingLine: `Explain. ${'o'.repeat(390)}`,
    });
    const minted = await mintFor(biggest, 'hard', engine.url, TEST_SECRET);
    // The claims are over Node's default 16 KiB header limit before compression; the token stays within its cap.
    expect(JSON.stringify(buildPersonaBrief(biggest, 'hard')).length).toBeGreaterThan(16 * 1024);
    expect(minted.clientSecret.length).toBeLessThanOrEqual(ENGINE_TOKEN_MAX_CHARS);
    expect(await openingOver(minted.clientSecret)).toBe(biggest.openingLine);
  });
});
