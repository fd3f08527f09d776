/**
 * The session's voice (the service's GA voice names) as a male or female
 * offline voice: flite's US voices `slt` (female) and `rms` (male), or
 * espeak-ng's `en-us` with a female or male variant. Unknown names speak female.
 */
export type VoiceGender = 'female' | 'male';

const MALE_VOICES: ReadonlySet<string> = new Set(['ash', 'ballad', 'echo', 'verse', 'cedar']);
/** The GA voices heard as female: alloy, coral, sage, shimmer, marin (the default). */
export const GA_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar'] as const;

export function voiceGender(voice: string): VoiceGender {
  return MALE_VOICES.has(voice.trim().toLowerCase()) ? 'male' : 'female';
}

export function fliteVoice(gender: VoiceGender): string {
  return gender === 'male' ? 'rms' : 'slt';
}

export function espeakVoice(gender: VoiceGender): string {
  return gender === 'male' ? 'en-us+m3' : 'en-us+f3';
}
