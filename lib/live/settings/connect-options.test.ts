import { describe, expect, it } from 'vitest';
import { connectOptionsFromSettings } from './connect-options';
import { cloneDefaultSettings } from './schema';

describe('connectOptionsFromSettings', () => {
  it('passes model and voice as mint overrides, the transport, and the input source', () => {
    const settings = { ...cloneDefaultSettings(), model: 'gpt-realtime-mini' as const, voice: 'cedar' as const, transport: 'websocket' as const, inputSource: 'microphone+tab' as const };
    expect(connectOptionsFromSettings(settings, { micEnabled: true })).toEqual({
      transport: 'websocket',
      overrides: { model: 'gpt-realtime-mini', voice: 'cedar' },
      input: 'mic+tab',
    });
  });

  it('microphone only, or nothing when the microphone is off', () => {
    const settings = cloneDefaultSettings();
    expect(connectOptionsFromSettings(settings, { micEnabled: true }).input).toBe('mic');
    expect(connectOptionsFromSettings({ ...settings, inputSource: 'microphone+tab' }, { micEnabled: false }).input).toBe('none');
  });
});
