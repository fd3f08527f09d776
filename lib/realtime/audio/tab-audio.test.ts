import { describe, expect, it } from 'vitest';
import { onTabEnded, openTabAudio, TAB_AUDIO_CONSTRAINTS } from './tab-audio';

class FakeTrack extends EventTarget {
  readyState: 'live' | 'ended' = 'live';
  stopped = false;
  constructor(readonly kind: 'audio' | 'video') {
    super();
  }
  stop() {
    this.stopped = true;
    this.readyState = 'ended';
  }
  end() {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

function fakeDisplayStream(kinds: ('audio' | 'video')[]) {
  let tracks = kinds.map((k) => new FakeTrack(k));
  const all = [...tracks];
  const stream = {
    getTracks: () => tracks,
    getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
    removeTrack: (t: FakeTrack) => (tracks = tracks.filter((x) => x !== t)),
  };
  return { stream: stream as unknown as MediaStream, all };
}

describe('openTabAudio', () => {
  it('asks for tab audio, keeps only the audio and stops the video at once', async () => {
    const { stream, all } = fakeDisplayStream(['video', 'audio']);
    let asked: unknown;
    const result = await openTabAudio(async (c) => ((asked = c), stream));
    expect(asked).toBe(TAB_AUDIO_CONSTRAINTS);
    expect(result).toEqual({ ok: true, stream });
    expect(stream.getTracks().map((t) => t.kind)).toEqual(['audio']);
    expect(all.map((t) => t.stopped)).toEqual([true, false]);
  });

  it('a declined or cancelled picker is "declined"; a share without audio is "no_audio"; anything else "failed"', async () => {
    const denied = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
    expect(await openTabAudio(() => Promise.reject(denied))).toEqual({ ok: false, issue: 'declined' });
    const { stream, all } = fakeDisplayStream(['video']);
    expect(await openTabAudio(async () => stream)).toEqual({ ok: false, issue: 'no_audio' });
    expect(all[0]?.stopped).toBe(true);
    expect(await openTabAudio(() => Promise.reject(new Error('boom')))).toEqual({ ok: false, issue: 'failed', detail: 'boom' });
  });

  it('reports once when the user stops sharing', () => {
    const { stream } = fakeDisplayStream(['audio']);
    let ended = 0;
    onTabEnded(stream, () => ended++);
    (stream.getAudioTracks()[0] as unknown as FakeTrack).end();
    (stream.getAudioTracks()[0] as unknown as FakeTrack).end();
    expect(ended).toBe(1);
  });
});
