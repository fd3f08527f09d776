import { describe, expect, it, vi } from 'vitest';
import { createRealtimeStore } from '@/lib/realtime/store/store';
import type { ChannelTranscriber } from '@/lib/realtime/session/channel-transcriber';
import { ThemChannel } from './them-channel';

type TDeps = ConstructorParameters<typeof ChannelTranscriber>[0];

function setup(sendOk = true) {
  const sent: string[] = [];
  const host = { sendText: vi.fn((text: string, o?: { triggerResponse?: boolean }) => (expect(o).toEqual({ triggerResponse: false }), sent.push(text), sendOk)) };
  const store = createRealtimeStore();
  let deps!: TDeps;
  const fake = { start: vi.fn(async () => true), stop: vi.fn() };
  const them = new ThemChannel({
    host, store, mint: vi.fn(), agentId: 'hint-assistant', getAgentConfig: async () => undefined,
    transcriber: (d) => ((deps = d), fake),
  });
  return { them, sent, store, fake, deps: () => deps };
}

describe('ThemChannel', () => {
  it('says so when its transcriber cannot load, and tries again on the next share', async () => {
    const store = createRealtimeStore();
    let calls = 0;
    const fake = { start: vi.fn(async () => true), stop: vi.fn() };
    const them = new ThemChannel({
      host: { sendText: () => true }, store, mint: vi.fn(), agentId: 'hint-assistant', getAgentConfig: async () => undefined,
      transcriber: () => (++calls === 1 ? Promise.reject(new Error('chunk failed')) : fake),
    });
    expect(await them.start()).toBe(false);
    expect(them.state.getState()).toMatchObject({ status: 'error', message: 'Their channel could not load (chunk failed). Share the tab again, or type what they say.' });
    expect(await them.start()).toBe(true);
    expect(fake.start).toHaveBeenCalledOnce();
  });

  it('runs a tab channel of its own and sends its final lines as marked context, never asking for a reply', async () => {
    const { them, sent, deps, fake } = setup();
    await them.start();
    expect(deps().channel).toBe('tab');
    expect(fake.start).toHaveBeenCalledOnce();
    deps().onState({ status: 'on', message: null });
    expect(them.state.getState().status).toBe('on');
    deps().onFinal('how much is the pilot');
    expect(them.addTyped('  and when can we start ')).toBe(true);
    expect(them.addTyped('   ')).toBe(false);
    expect(sent).toEqual(['Them (tab): how much is the pilot', 'Them (typed): and when can we start']);
  });

  it('counts tab lines that could not join the conversation, and states a refused share in its words', async () => {
    const { them, deps } = setup(false);
    await them.start();
    deps().onFinal('lost line');
    expect(them.state.getState().dropped).toBe(1);
    expect(deps().messages.tabRefused('declined')).toBe('The meeting tab was not shared, so Cue hears only you. Share the tab again, or type what they say.');
  });

  it('stops when the call ends (not while it reconnects)', async () => {
    const { them, store, fake } = setup();
    await them.start();
    const a = store.getState().actions;
    a.setConnection('connected');
    a.setReconnecting({ attempt: 1, maxAttempts: 3 });
    a.setConnection('disconnected');
    expect(fake.stop).not.toHaveBeenCalled();
    a.setReconnecting(null);
    a.setConnection('connected');
    a.setConnection('disconnected');
    await vi.waitFor(() => expect(fake.stop).toHaveBeenCalledOnce());
    expect(them.state.getState().status).toBe('off');
  });
});
