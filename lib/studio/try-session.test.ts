import { describe, expect, it } from 'vitest';
import { ScriptedRealtimeTransport } from '@openai/agents-realtime/testing';
import { phoneReceptionist } from '@/agents/studio-builtins';
import { HERO } from '@/lib/assist/demo/generate';
import { localSecret, makeHarness } from '@/lib/realtime/test-support/harness';
import { greetingInstructions, studioToAgentConfig } from '@/lib/shared/studio-agent-runtime';
import { StudioTrySession, type TryToolRunner } from './try-session';

function setup(version: number, greeting = phoneReceptionist.greeting, instructions = phoneReceptionist.instructions, voice = phoneReceptionist.voice, runTool?: TryToolRunner) {
  const config = { ...phoneReceptionist, greeting, instructions, voice, tools: { builtins: [...phoneReceptionist.tools.builtins, 'get_order_details' as const], webhooks: [] } };
  return { agent: studioToAgentConfig(config), greetingInstructions: greetingInstructions(config), mint: async () => ({ ok: true as const, data: { ...localSecret, agentId: config.id } }), version, ...(runTool ? { runTool } : {}) };
}

function session(version = 1, runTool?: TryToolRunner) {
  // The harness's fakes (player, capture, media), with this session's own store and agent.
  const h = makeHarness();
  const transport = new ScriptedRealtimeTransport();
  const s = new StudioTrySession(setup(version, undefined, undefined, undefined, runTool), {
    createPlayer: () => h.player,
    createTransport: () => transport,
    openMicrophone: async () => h.mic,
    silentStream: () => h.silent,
    connectTimeoutMs: 500,
    mintTimeoutMs: 500,
  });
  return { s, transport };
}

describe('StudioTrySession', () => {
  it('connects typed-only and asks the agent to greet first with its greeting', async () => {
    const { s, transport } = session();
    expect(await s.start('text')).toBe(true);
    const greet = transport.calls.filter((c) => c.method === 'requestResponse');
    expect(greet).toHaveLength(1);
    expect(JSON.stringify(greet[0])).toContain(`exactly these words and nothing else: \\"${phoneReceptionist.greeting}\\"`);
    expect(s.state.getState().liveVersion).toBe(1);
    s.dispose();
  });

  it('applies a version saved during a live chat to it (keeping its voice)', async () => {
    const { s, transport } = session();
    await s.start('text');
    const before = transport.calls.length;
    await s.update(setup(2, phoneReceptionist.greeting, `${phoneReceptionist.instructions}\nAlways offer a callback.`, 'coral'));
    expect(s.state.getState()).toMatchObject({ liveVersion: 2, updateError: null });
    const sent = JSON.stringify(transport.calls.slice(before));
    expect(sent).toContain('Always offer a callback.');
    expect(sent).not.toContain('coral');
    // An older or equal version changes nothing.
    const count = transport.calls.length;
    await s.update(setup(2));
    expect(transport.calls.length).toBe(count);
    s.dispose();
  });

  it('uses a version saved while no chat runs from the next start', async () => {
    const { s, transport } = session();
    await s.update(setup(2, 'A newer greeting, hello.'));
    expect(transport.calls).toEqual([]);
    await s.start('text');
    expect(s.state.getState().liveVersion).toBe(2);
    const greets = transport.calls.filter((c) => c.method === 'requestResponse').map((c) => JSON.stringify(c));
    expect(greets).toHaveLength(1);
    expect(greets[0]).toContain('A newer greeting, hello.');
    s.dispose();
  });

  it('runs lookups on the server (runTool) and keeps each run; transfer_to_human only says it runs on a call', async () => {
    const ran: [string, unknown][] = [];
    const runTool: TryToolRunner = async (name, args) => {
      ran.push([name, args]);
      if (name === 'search_knowledge') throw new Error('offline');
      return { ok: true, result: { order: { orderNumber: HERO.orderNumber, status: 'shipped' } } };
    };
    const { s, transport } = session(1, runTool);
    await s.start('text');
    const output = async (callId: string, name: string, args: unknown) => {
      transport.emit('function_call', { type: 'function_call', callId, responseId: `r-${callId}`, name, arguments: JSON.stringify(args), status: 'completed' } as never);
      await expect.poll(() => transport.calls.some((c) => c.method === 'sendFunctionCallOutput' && JSON.stringify(c).includes(callId)), { timeout: 2000 }).toBe(true);
      return JSON.stringify(transport.calls.find((c) => c.method === 'sendFunctionCallOutput' && JSON.stringify(c).includes(callId)));
    };
    expect(await output('c1', 'get_order_details', { order_number: HERO.orderNumber })).toContain('shipped');
    expect(await output('c2', 'search_knowledge', { query: 'pairing headphones' })).toContain('could not be run (offline)');
    expect(await output('c3', 'transfer_to_human', { reason: 'asked for a person' })).toContain('only runs on a call');
    expect(ran).toEqual([['get_order_details', { order_number: HERO.orderNumber }], ['search_knowledge', { query: 'pairing headphones' }]]);
    expect(s.state.getState().toolRuns).toMatchObject([
      { name: 'get_order_details', ok: true, result: { order: { orderNumber: HERO.orderNumber } } },
      { name: 'search_knowledge', ok: false, result: { error: expect.stringContaining('offline') } },
    ]);
    s.dispose();
  });
});
