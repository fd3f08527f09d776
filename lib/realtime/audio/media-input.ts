import { toMicError, type MicError } from './audio-capture';

/** 'mic', 'mic+tab' (mic mixed with a shared tab's audio), 'none' (text only), or a stream to send as is. */
export type InputChoice = 'mic' | 'mic+tab' | 'none' | MediaStream;

export const isMediaStream = (v: unknown): v is MediaStream =>
  typeof v === 'object' && v !== null && typeof (v as MediaStream).getTracks === 'function';

export type WebrtcInput = { stream: MediaStream; mic: boolean; owned: boolean; micError?: MicError };

/**
 * The input stream WebRTC sends: the given stream, the mic, or (no mic / text only) a silent
 * track, because a peer connection needs one. A mic failure is reported, not fatal.
 */
export async function webrtcInput(
  input: 'mic' | 'none' | MediaStream,
  open: () => Promise<MediaStream>,
  silent: () => MediaStream,
): Promise<WebrtcInput> {
  if (isMediaStream(input)) return { stream: input, mic: true, owned: false };
  if (input === 'none') return { stream: silent(), mic: false, owned: true };
  try {
    return { stream: await open(), mic: true, owned: true };
  } catch (error) {
    return { stream: silent(), mic: false, owned: true, micError: toMicError(error) };
  }
}
