import { describe, expect, it } from 'vitest';
import { ScriptedRealtimeTransport } from '@openai/agents-realtime/testing';
import { phoneReceptionist } from '@/agents/studio-builtins';
import { localSecret, makeHarness } from '@/lib/realtime/test-support/harness';
import { greetingInstructions, studioToAgentConfig } from '@/lib/shared/studio-agent-runtime';
import { StudioTrySession } from './try-session';

function setup(version: number, greeting = phoneReceptionist.greeting, instructions = phoneReceptionist.instructions, voice = phoneReceptionist.voice) {
  const config = { ...phoneReceptionist, greeting, instructions, voice };
  return { agent: studioToAgentConfig(config), greetingInstructions: greetingInstructions(config), mint: async () => ({ ok: true as const, data: { ...localSecret, agentId: config.id } }), version };
}

function session(version = 1) {
  // The harness's fakes (player, capture, media), with this session's own store and agent.
  const h = makeHarness();
  const transport = new ScriptedRealtimeTransport();
  const s = new StudioTrySession(setup(version), {
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
    expect(s.state.getState()).toEqual({ liveVersion: 2, updateError: null });
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
});
