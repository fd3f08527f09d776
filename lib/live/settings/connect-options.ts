import { normalizeKeywords } from '@/lib/shared/transcription';
import type { HintSettings } from './schema';

export type SettingsConnectOptions = {
  transport: HintSettings['transport'];
  /** Sent to the mint action: the session is created with these (and the page's SDK session mirrors them). */
  overrides: {
    model: HintSettings['model'];
    voice: HintSettings['voice'];
    /** Trigger and interrupt phrases: transcription keywords, so the words the matchers wait for come out as configured. */
    transcriptionKeywords: string[];
    tracing: boolean;
  };
  /** What the hint session hears: the microphone only; their side is a channel of its own (`shareTheirTab`). */
  input: 'mic' | 'none';
  /** Share the meeting tab as the "them" channel (its own transcription session, never mixed into the mic). */
  shareTheirTab: boolean;
};

/** The phrases the hint session listens for, as transcription keywords (interrupt phrases first: they are the urgent ones). */
export function listenedPhrases(settings: Pick<HintSettings, 'triggers' | 'interruptPhrases'>): string[] {
  return normalizeKeywords([...settings.interruptPhrases, ...settings.triggers.map((t) => t.phrase)]);
}

/** The connection-time settings as controller connect options (model/voice/keywords/tracing/transport/input source). */
export function connectOptionsFromSettings(settings: HintSettings, { micEnabled }: { micEnabled: boolean }): SettingsConnectOptions {
  return {
    transport: settings.transport,
    overrides: { model: settings.model, voice: settings.voice, transcriptionKeywords: listenedPhrases(settings), tracing: settings.tracing },
    input: micEnabled ? 'mic' : 'none',
    shareTheirTab: settings.inputSource === 'microphone+tab',
  };
}
