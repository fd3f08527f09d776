import { vi } from 'vitest';

/**
 * Just enough of a browser's WebRTC for the SDK's OpenAIRealtimeWebRTC to connect in Node:
 * RTCPeerConnection (offer/answer, one `oai-events` data channel) and the SDP POST (fetch).
 * The channel records what the client sends and lets a test play the server. It answers
 * `session.update` with `session.updated`, as the SDK waits for that before it resolves.
 */
export class FakeDataChannel extends EventTarget {
  readyState: 'connecting' | 'open' | 'closed' = 'connecting';
  sent: Record<string, unknown>[] = [];
  #seq = 0;

  send(data: string): void {
    const event = JSON.parse(data) as Record<string, unknown>;
    this.sent.push(event);
    if (event.type === 'session.update') queueMicrotask(() => this.receive({ type: 'session.updated', session: event.session }));
  }

  close(): void {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.dispatchEvent(new Event('close'));
  }

  open(): void {
    this.readyState = 'open';
    this.dispatchEvent(new Event('open'));
  }

  /** A server event (an `event_id` is added: the SDK ignores events without one). */
  receive(event: Record<string, unknown>): void {
    const withId = { event_id: `evt_rtc_${++this.#seq}`, ...event };
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(withId) }));
  }

  types(): unknown[] {
    return this.sent.map((e) => e.type);
  }
}

export class FakePeerConnection {
  static last: FakePeerConnection | null = null;
  readonly channel = new FakeDataChannel();
  connectionState = 'new';
  onconnectionstatechange: (() => void) | null = null;
  ontrack: ((event: unknown) => void) | null = null;

  constructor() {
    FakePeerConnection.last = this;
  }
  createDataChannel(): FakeDataChannel {
    return this.channel;
  }
  addTrack(): void {}
  getSenders(): unknown[] {
    return [];
  }
  async createOffer() {
    return { type: 'offer', sdp: 'v=0 fake offer' };
  }
  async setLocalDescription(): Promise<void> {}
  async setRemoteDescription(): Promise<void> {
    this.connectionState = 'connected';
    queueMicrotask(() => this.channel.open());
  }
  close(): void {
    this.connectionState = 'closed';
    this.channel.close();
  }
}

/** Install the fakes as globals; returns the SDP requests seen and an uninstall function. */
export function installFakeWebRTC(): { posts: { url: string; auth: string | null }[]; restore: () => void } {
  const posts: { url: string; auth: string | null }[] = [];
  vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
  vi.stubGlobal('fetch', async (url: URL | string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    posts.push({ url: String(url), auth: headers.get('authorization') });
    return new Response('v=0 fake answer', { status: 201, headers: { Location: '/v1/realtime/calls/rtc_fake_call' } });
  });
  return { posts, restore: () => vi.unstubAllGlobals() };
}
