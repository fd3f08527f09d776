import { describe, expect, it } from 'vitest';
import { createRealtimeStore } from '@/lib/realtime/store/store';
import { createCallStore } from './call-store';
import { NOISE_DISMISS_MS, NOISE_STICKY_MS, NoiseMonitor } from './noise-monitor';

function setup() {
  let now = 0;
  const realtime = createRealtimeStore();
  const store = createCallStore({ phase: 'live' });
  const actions = realtime.getState().actions;
  actions.setConnection('connected');
  actions.setMicActive(true);
  const monitor = new NoiseMonitor(realtime, store, () => now);
  /** Advance the clock by `ms` in 500 ms ticks at this input level. */
  const run = (ms: number, level: number) => {
    for (let t = 0; t < ms; t += 500) {
      actions.setInputLevel(level);
      monitor.tick();
      now += 500;
    }
  };
  return { realtime, store, monitor, run, actions, at: () => now };
}

describe('NoiseMonitor', () => {
  it('raises the warning when a loud turn never ends, and tracks the open turn', () => {
    const { store, monitor, run } = setup();
    monitor.onSpeech({ type: 'started', itemId: 'item_1' });
    expect(store.getState().userTurnSince).toBe(0);
    run(7000, 0.3);
    expect(store.getState().noise).toBeNull();
    run(2000, 0.3);
    expect(store.getState().noise).toEqual({ kind: 'steady', since: 0 });
  });

  it('keeps the warning a moment after the noise stops, then clears it', () => {
    const { store, monitor, run } = setup();
    monitor.onSpeech({ type: 'started', itemId: 'item_1' });
    run(9000, 0.3);
    monitor.onSpeech({ type: 'stopped', itemId: 'item_1' });
    monitor.onSpeech({ type: 'transcribed', itemId: 'item_1', text: 'Hello there' });
    expect(store.getState().userTurnSince).toBeNull();
    run(NOISE_STICKY_MS - 500, 0);
    expect(store.getState().noise).not.toBeNull();
    run(1000, 0);
    expect(store.getState().noise).toBeNull();
  });

  it('clears everything when the user mutes, and watches again from scratch after unmuting', () => {
    const { store, monitor, run, actions } = setup();
    monitor.onSpeech({ type: 'started', itemId: 'item_1' });
    run(9000, 0.3);
    actions.setMuted(true);
    run(500, 0);
    expect(store.getState()).toMatchObject({ noise: null, userTurnSince: null });
    actions.setMuted(false);
    run(9000, 0.3);
    expect(store.getState().noise).toBeNull();
  });

  it('a dismissed warning stays away for a minute', () => {
    const { store, monitor, run } = setup();
    monitor.onSpeech({ type: 'started', itemId: 'item_1' });
    run(9000, 0.3);
    monitor.dismiss();
    run(NOISE_DISMISS_MS - 1000, 0.3);
    expect(store.getState().noise).toBeNull();
    run(2000, 0.3);
    expect(store.getState().noise).toMatchObject({ kind: 'long_turn' });
  });

  it('never warns in a typed call (no microphone)', () => {
    const { store, monitor, run, actions } = setup();
    actions.setMicActive(false);
    monitor.onSpeech({ type: 'started', itemId: 'item_1' });
    run(30_000, 0.3);
    expect(store.getState().noise).toBeNull();
  });
});
