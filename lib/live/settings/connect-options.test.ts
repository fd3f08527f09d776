import { describe, expect, it } from 'vitest';
import { connectOptionsFromSettings, listenedPhrases } from './connect-options';
import { cloneDefaultSettings } from './schema';

describe('connectOptionsFromSettings', () => {
  it('passes model, voice, keywords and tracing as mint overrides, the transport, and the input source', () => {
    const settings = { ...cloneDefaultSettings(), model: 'gpt-realtime-2.1-mini' as const, voice: 'cedar' as const, transport: 'websocket' as const, inputSource: 'microphone+tab' as const };
    expect(connectOptionsFromSettings(settings, { micEnabled: true })).toEqual({
      transport: 'websocket',
      overrides: {
        model: 'gpt-realtime-2.1-mini',
        voice: 'cedar',
        transcriptionKeywords: ['got it', 'thanks', 'okay stop', 'good question', 'great question', 'let me think about that', 'walk me through', 'tell me more about'],
        tracing: false,
      },
      input: 'mic',
      shareTheirTab: true,
    });
  });

  it('the hint session hears the microphone only (or nothing); the tab is their channel, never mixed in', () => {
    const settings = cloneDefaultSettings();
    expect(connectOptionsFromSettings(settings, { micEnabled: true })).toMatchObject({ input: 'mic', shareTheirTab: false });
    expect(connectOptionsFromSettings({ ...settings, inputSource: 'microphone+tab' }, { micEnabled: false })).toMatchObject({ input: 'none', shareTheirTab: true });
  });

  it('tracing is off by default and on only when the setting says so', () => {
    const settings = cloneDefaultSettings();
    expect(connectOptionsFromSettings(settings, { micEnabled: true }).overrides.tracing).toBe(false);
    expect(connectOptionsFromSettings({ ...settings, tracing: true }, { micEnabled: true }).overrides.tracing).toBe(true);
  });
});

describe('listenedPhrases', () => {
  it('lists interrupt phrases, then triggers, once each (case and spacing ignored)', () => {
    expect(
      listenedPhrases({
        interruptPhrases: ['Got it', 'stop  now'],
        triggers: [
          { phrase: 'got it', action: 'quick' },
          { phrase: 'walk me through', action: 'full' },
        ],
      }),
    ).toEqual(['Got it', 'stop now', 'walk me through']);
  });
});
