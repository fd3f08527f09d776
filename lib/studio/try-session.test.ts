import { describe, expect, it } from 'vitest';
import { ScriptedRealtimeTransport } from '@openai/agents-realtime/testing';
import { phoneReceptionist } from '@/agents/studio-builtins';
import { localSecret, makeHarness } from '@/lib/realtime/test-support/harness';
import { greetingInstructions, studioToAgentConfig } from '@/lib/shared/studio-agent-runtime';
import { StudioTrySession } from './try-session';

function setup(version: number, greeting = phoneReceptionist.greeting) {
  const config = { ...phoneReceptionist, greeting };
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
    expect(s.startedVersion).toBe(1);
    s.dispose();
  });

  it('keeps the version a chat started with; the next start uses the newer one', async () => {
    const { s, transport } = session();
    await s.start('text');
    s.update(setup(2, 'A newer greeting, hello.'));
    expect(s.startedVersion).toBe(1);
    s.stop();
    await s.start('text');
    expect(s.startedVersion).toBe(2);
    const greets = transport.calls.filter((c) => c.method === 'requestResponse').map((c) => JSON.stringify(c));
    expect(greets).toHaveLength(2);
    expect(greets[1]).toContain('A newer greeting, hello.');
    s.dispose();
  });
});
