import { type OpenAIRealtimeWebSocket, RealtimeAgent, RealtimeSession, tool, type TransportEvent } from '@openai/agents-realtime';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SAMPLE_RATE, speechDurationMs } from './audio-synth';
import type { EngineHandle } from './server';
import { control, mint, sleep, startTestEngine } from './test-support';

/** The engine driven by the real @openai/agents-realtime SDK over WebSocket, as the app drives it. */
let engine: EngineHandle;
const open: RealtimeSession[] = [];

beforeAll(async () => {
  engine = await startTestEngine({ paceFactor: 20 });
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
afterAll(() => engine.close());

type Raw = TransportEvent & { type: string; [key: string]: unknown };

async function connect(opts: { agentId?: string; instructions?: string; tools?: ReturnType<typeof tool>[]; createResponse?: boolean; paceUrl?: string } = {}) {
  const agent = new RealtimeAgent({ name: 'test', instructions: opts.instructions ?? 'Be a practice partner.', tools: opts.tools ?? [] });
  const session = new RealtimeSession(agent, {
    transport: 'websocket',
    tracingDisabled: true,
    config: { audio: { input: { turnDetection: { type: 'server_vad', createResponse: opts.createResponse ?? true, interruptResponse: true } } } },
  });
  const events: Raw[] = [];
  const audio: ArrayBuffer[] = [];
  session.on('transport_event', (e) => events.push(e as Raw));
  session.on('audio', (e) => audio.push(e.data));
  open.push(session);
  await session.connect({ apiKey: mint(opts.agentId).value, url: opts.paceUrl ?? engine.url });
  const waitFor = async (type: string, where: (e: Raw) => boolean = () => true, from = 0, timeoutMs = 5000) => {
    const start = Date.now();
    for (;;) {
      const found = events.slice(from).find((e) => e.type === type && where(e));
      if (found) return found;
      if (Date.now() - start > timeoutMs) throw new Error(`no ${type}; saw ${events.map((e) => e.type).join(', ')}`);
      await sleep(10);
    }
  };
  return { session, events, audio, waitFor };
}

const transcriptOf = (item: unknown) => {
  const content = (item as { content?: { transcript?: string | null }[] }).content ?? [];
  return content[0]?.transcript ?? null;
};

describe('local engine with the real SDK', () => {
  it('streams a spoken reply to a text message, with audio as long as the text', async () => {
    const { session, events, audio, waitFor } = await connect();
    session.sendMessage('We shipped the pilot in March');
    const done = await waitFor('response.done');
    const expected = 'You said: "We shipped the pilot in March". (saw 1 messages) What outcome do you want from this?';
    expect((done.response as { status: string }).status).toBe('completed');
    const assistant = session.history.find((i) => i.type === 'message' && i.role === 'assistant');
    expect(assistant && transcriptOf(assistant)).toBe(expected);
    const bytes = audio.reduce((n, b) => n + b.byteLength, 0);
    expect((bytes / 2 / SAMPLE_RATE) * 1000).toBe(speechDurationMs(expected));
    expect(audio.length).toBe(Math.ceil(speechDurationMs(expected) / 100));
    const deltas = events.filter((e) => e.type === 'response.output_audio_transcript.delta').map((e) => e.delta).join('');
    expect(deltas).toBe(expected);
    expect(events.every((e) => typeof e.event_id === 'string' && e.event_id.startsWith('event_'))).toBe(true);
    expect(session.usage.outputTokens).toBeGreaterThan(0);
  });

  it('answers an out-of-band hint from its input only, outside the conversation', async () => {
    const { session, events, waitFor } = await connect({ agentId: 'hint-assistant', createResponse: false });
    const msg = (role: 'user' | 'assistant', text: string) => ({ type: 'message', role, content: [{ type: role === 'user' ? 'input_text' : 'output_text', text }] });
    (session.transport as OpenAIRealtimeWebSocket).requestResponse({
      conversation: 'none',
      input: [msg('user', 'Thanks for joining'), msg('assistant', 'Happy to be here'), msg('user', 'Can we move the launch to May?')],
      instructions: 'Give one quick hint: the single most useful thing to say next. Speak for at most 8 seconds (about 20 words).',
    } as never);
    const done = await waitFor('response.done');
    const response = done.response as { conversation_id: string | null; output: { id: string; content: { transcript: string }[] }[] };
    expect(response.conversation_id).toBeNull();
    const hint = response.output[0];
    expect(hint?.content[0]?.transcript).toBe('Quick hint (saw 3 messages): Ask what "we move the launch to May" means for their timeline.');
    // Not in the engine's conversation: no conversation.item.added for it, and the engine's item list is empty.
    expect(events.some((e) => e.type === 'conversation.item.added')).toBe(false);
    const state = (await control(engine, 'GET', '/__test/sessions/latest')).json as { conversation: unknown[] };
    expect(state.conversation).toEqual([]);
    // The SDK itself appends output items it sees on response.output_item.* to its local history
    // (as it would with the real service): apps must filter out-of-band output by response id.
    expect(session.history.map((i) => i.itemId)).toEqual([hint?.id]);
    // The next in-conversation reply does not count the hint.
    const from = events.length;
    session.sendMessage('Next topic');
    const next = await waitFor('response.done', () => true, from);
    expect(JSON.stringify(next.response)).toContain('(saw 1 messages)');
  });

  it('shows an injected utterance as a transcribed user item and replies to it', async () => {
    const { session, waitFor } = await connect();
    const res = await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'Our churn dropped to four percent' });
    expect(res.status).toBe(200);
    const { itemId } = res.json as { itemId: string };
    await waitFor('response.done');
    await waitFor('conversation.item.retrieved', (e) => (e.item as { id: string }).id === itemId);
    const user = session.history.find((i) => i.itemId === itemId);
    expect(user && user.type === 'message' && user.role === 'user' && user.content).toEqual([{ type: 'input_audio', transcript: 'Our churn dropped to four percent', audio: null }]);
    const assistant = session.history.find((i) => i.type === 'message' && i.role === 'assistant');
    expect(assistant && transcriptOf(assistant)).toBe('You said: "Our churn dropped to four percent". (saw 1 messages) What outcome do you want from this?');
  });

  it('cancels and truncates a reply interrupted mid-stream', async () => {
    const slow = await startTestEngine({ paceFactor: 4 });
    try {
      const { session, events, waitFor } = await connect({ paceUrl: slow.url });
      session.sendMessage('Walk me through the whole quarterly plan for the sales team in detail please');
      await waitFor('response.output_audio.delta');
      await sleep(400);
      session.interrupt();
      const done = await waitFor('response.done');
      expect((done.response as { status: string; status_details: unknown }).status).toBe('cancelled');
      expect((done.response as { status_details: unknown }).status_details).toEqual({ type: 'cancelled', reason: 'client_cancelled' });
      const truncated = await waitFor('conversation.item.truncated');
      const endMs = truncated.audio_end_ms as number;
      expect(Number.isInteger(endMs)).toBe(true);
      expect(endMs).toBeGreaterThanOrEqual(350);
      expect(endMs).toBeLessThan(5000);
      const retrieved = await waitFor('conversation.item.retrieved', (e) => (e.item as { id: string }).id === truncated.item_id);
      const full = (events.find((e) => e.type === 'response.output_item.added')?.item as { id: string }).id;
      expect(truncated.item_id).toBe(full);
      const item = retrieved.item as { status: string; content: { transcript: string }[] };
      expect(item.status).toBe('incomplete');
      // 400 ms a word: the transcript keeps the words spoken before audio_end_ms.
      const planned = 'You said: "Walk me through the whole quarterly plan for the sales team in detail…". (saw 1 messages) What outcome do you want from this?';
      const streamed = String(events.find((e) => e.type === 'response.output_audio_transcript.done')?.transcript);
      expect(planned.startsWith(streamed)).toBe(true);
      expect(streamed.length).toBeLessThan(planned.length);
      const kept = planned.split(' ').slice(0, Math.floor(endMs / 400)).join(' ');
      expect(item.content[0]?.transcript).toBe(kept);
      expect(streamed.startsWith(kept)).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('refuses a bad token with 401 before the socket opens', async () => {
    const agent = new RealtimeAgent({ name: 'x', instructions: 'x' });
    const session = new RealtimeSession(agent, { transport: 'websocket', tracingDisabled: true });
    session.on('error', () => undefined);
    await expect(session.connect({ apiKey: 'ek_local_forged.sig', url: engine.url })).rejects.toThrow(/401/);
    expect(((await control(engine, 'GET', '/__test/sessions')).json as unknown[]).length).toBeGreaterThan(0);
  });

  it('runs an SDK tool for a test-driven function call, then speaks the follow-up', async () => {
    const calls: unknown[] = [];
    const showCard = tool({
      name: 'show_card',
      description: 'Show a coaching card to the user.',
      parameters: z.object({ title: z.string() }),
      execute: async (args) => {
        calls.push(args);
        return `card shown: ${args.title}`;
      },
    });
    const { session, events, waitFor } = await connect({ tools: [showCard] });
    const res = await control(engine, 'POST', '/__test/sessions/latest/tool-call', { name: 'show_card', arguments: { title: 'Pricing' } });
    expect(res.status).toBe(200);
    const first = (res.json as { responseId: string }).responseId;
    const followUp = await waitFor('response.done', (e) => (e.response as { id: string }).id !== first, 0, 6000);
    expect(calls).toEqual([{ title: 'Pricing' }]);
    const text = JSON.stringify((followUp.response as { output: unknown[] }).output);
    expect(text).toContain('Done: show_card returned card shown: Pricing. (saw 0 messages)');
    await sleep(100);
    expect(events.filter((e) => e.type === 'response.created')).toHaveLength(2);
    const received = (await control(engine, 'GET', '/__test/sessions/latest/received?type=conversation.item.create')).json as { item: { type: string; output: string } }[];
    expect(received.map((e) => e.item)).toEqual([expect.objectContaining({ type: 'function_call_output', output: 'card shown: Pricing' })]);
    expect(session.history.some((i) => i.type === 'function_call' && i.status === 'completed' && i.output === 'card shown: Pricing')).toBe(true);
  });
});
