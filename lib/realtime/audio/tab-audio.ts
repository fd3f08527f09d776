/**
 * The meeting's own audio: a browser tab (or the system) shared with getDisplayMedia, mixed
 * with the microphone so the assistant hears both sides of a browser meeting.
 */

export type TabAudioIssue = 'declined' | 'no_audio' | 'failed';
export type TabAudioResult = { ok: true; stream: MediaStream } | { ok: false; issue: TabAudioIssue; detail?: string };

export type GetDisplayMedia = (constraints: DisplayMediaStreamOptions) => Promise<MediaStream>;

/** What the share picker is asked for: audio of a tab or the system; video only because browsers require it. */
export const TAB_AUDIO_CONSTRAINTS = {
  video: true,
  audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  // Chromium hints: offer tabs with their audio, and leave Cue's own tab out of the list.
  systemAudio: 'include',
  selfBrowserSurface: 'exclude',
  surfaceSwitching: 'include',
} as DisplayMediaStreamOptions;

export const TAB_AUDIO_MESSAGES: Record<TabAudioIssue | 'ended', string> = {
  declined: 'Tab audio was not shared, so Cue hears only your microphone. Reconnect to share the meeting tab.',
  no_audio: 'The shared tab or window has no audio (tick "Share tab audio" in the picker). Cue hears only your microphone.',
  failed: 'The meeting tab could not be shared. Cue hears only your microphone.',
  ended: 'Tab sharing stopped. Cue now hears only your microphone.',
};

/**
 * Ask the user to share a tab's audio. Call it synchronously from the click (the picker needs
 * the user gesture). Video tracks are stopped at once; only the audio is kept.
 */
export async function openTabAudio(getDisplayMedia?: GetDisplayMedia): Promise<TabAudioResult> {
  const get = getDisplayMedia ?? (typeof navigator !== 'undefined' && navigator.mediaDevices?.getDisplayMedia
    ? (c: DisplayMediaStreamOptions) => navigator.mediaDevices.getDisplayMedia(c)
    : null);
  if (!get) return { ok: false, issue: 'failed', detail: 'this browser cannot share a tab here' };
  let stream: MediaStream;
  try {
    stream = await get(TAB_AUDIO_CONSTRAINTS);
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'NotAllowedError' || name === 'AbortError') return { ok: false, issue: 'declined' };
    return { ok: false, issue: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
  for (const track of stream.getVideoTracks()) {
    track.stop();
    stream.removeTrack(track);
  }
  if (stream.getAudioTracks().length === 0) {
    stream.getTracks().forEach((t) => t.stop());
    return { ok: false, issue: 'no_audio' };
  }
  return { ok: true, stream };
}

/** Call `onEnded` once when the shared audio ends (the user clicked "Stop sharing"). Returns an unsubscribe. */
export function onTabEnded(stream: MediaStream, onEnded: () => void): () => void {
  const tracks = stream.getAudioTracks();
  let fired = false;
  const listener = () => {
    if (fired || tracks.some((t) => t.readyState === 'live')) return;
    fired = true;
    onEnded();
  };
  tracks.forEach((t) => t.addEventListener('ended', listener));
  return () => tracks.forEach((t) => t.removeEventListener('ended', listener));
}

export type Mixer = { stream: MediaStream; close(): void };

/** Sum several audio streams into one (WebRTC sends a single track). */
export function mixStreams(streams: readonly MediaStream[], createContext: () => AudioContext = () => new AudioContext()): Mixer {
  const ctx = createContext();
  const destination = ctx.createMediaStreamDestination();
  const sources = streams.map((s) => {
    const node = ctx.createMediaStreamSource(s);
    node.connect(destination);
    return node;
  });
  return {
    stream: destination.stream,
    close: () => {
      sources.forEach((n) => n.disconnect());
      destination.stream.getTracks().forEach((t) => t.stop());
      if (ctx.state !== 'closed') void ctx.close().catch(() => undefined);
    },
  };
}
