import { type Segment, spokenClip } from '../../lib/engine/speech/recognition/test-support/spoken-lines';
import { FAKE_MIC_RATE, writeFakeMicWav } from './fake-audio';

/**
 * A spoken microphone for Chromium (--use-file-for-fake-audio-capture): flite's voice saying
 * the given lines with pauses, at the fake mic's rate. Chromium loops the file, so it should
 * end with more silence than the test needs.
 */
export function spokenWavPath(name: string, segments: readonly Segment[]): string {
  const pcm = spokenClip(segments, FAKE_MIC_RATE);
  return writeFakeMicWav(`spoken-${name}.wav`, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
}

/** Launch options for a spec whose fake microphone plays `wavPath` (the config's flags otherwise). */
export function withFakeMic(launch: { args?: string[]; [key: string]: unknown }, wavPath: string) {
  return {
    ...launch,
    args: [...(launch.args ?? []).filter((a) => !a.startsWith('--use-file-for-fake-audio-capture=')), `--use-file-for-fake-audio-capture=${wavPath}`],
  };
}
