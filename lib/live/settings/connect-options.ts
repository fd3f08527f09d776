import type { HintSettings } from './schema';

export type SettingsConnectOptions = {
  transport: HintSettings['transport'];
  /** Sent to the mint action: the session is created with this model and voice. */
  overrides: { model: HintSettings['model']; voice: HintSettings['voice'] };
  input: 'mic' | 'mic+tab' | 'none';
};

/** The connection-time settings as controller connect options (model/voice/transport/input source). */
export function connectOptionsFromSettings(settings: HintSettings, { micEnabled }: { micEnabled: boolean }): SettingsConnectOptions {
  return {
    transport: settings.transport,
    overrides: { model: settings.model, voice: settings.voice },
    input: !micEnabled ? 'none' : settings.inputSource === 'microphone+tab' ? 'mic+tab' : 'mic',
  };
}
