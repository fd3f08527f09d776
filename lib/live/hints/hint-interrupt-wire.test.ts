import { afterEach, describe, expect, it } from 'vitest';
import { cloneDefaultSettings } from '@/lib/live/settings/schema';
import { createTransport } from '@/lib/realtime/session/session-factory';
import { CueWebSocketTransport } from '@/lib/realtime/session/websocket-transport';
import { FakePeerConnection, installFakeWebRTC, type FakeDataChannel } from '@/lib/realtime/test-support/fake-webrtc';
import { localSecret, makeHarness, openaiSecret } from '@/lib/realtime/test-support/harness';
import { HintSession } from './hint-session';
import { createHintStore } from './hint-store';

/**
 * Stopping a hint on the wire, through the real SDK transports (WebSocket over a fake socket,
 * WebRTC over a fake peer connection): the GA API cancels an out-of-band response (a hint)
 * only when `response.cancel` names it, so every cancel the app sends must carry a
 * `response_id`. A bare cancel fails these tests.
 */

type Sent = Record<string, unknown>;

class FakeSocket extends EventTarget {
  sent: Sent[] = [];
  #seq = 0;
  send(data: string) {
    this.sent.push(JSON.parse(data) as Sent);
  }
  close() {
    this.dispatchEvent(new Event('close'));
  }
  receive(event: Sent) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify({ event_id: `evt_ws_${++this.#seq}`, ...event }) }));
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const cancels = (sent: Sent[]) => sent.filter((e) => e.type === 'response.cancel');
const creates = (sent: Sent[]) => sent.filter((e) => e.type === 'response.create');
/** The one thing that must never leave the page while an out-of-band response runs. */
const expectNoBareCancel = (sent: Sent[]) => expect(cancels(sent).filter((e) => typeof e.response_id !== 'string')).toEqual([]);

type Wire = { sent: Sent[]; receive: (event: Sent) => void };

async function connectHints(kind: 'websocket' | 'webrtc') {
  let wire: Wire | null = null;
  const h =
    kind === 'websocket'
      ? makeHarness({
          minted: { ...localSecret, agentId: 'hint-assistant' },
          deps: {
            createTransport: (plan) => {
              if (plan.kind !== 'websocket') throw new Error('expected a WebSocket plan');
              const socket = new FakeSocket();
              wire = { sent: socket.sent, receive: (e) => socket.receive(e) };
              return new CueWebSocketTransport({ ...plan, createWebSocket: async () => socket as never, skipOpenEventListeners: true });
            },
          },
        })
      : makeHarness({ minted: { ...openaiSecret, agentId: 'hint-assistant', url: 'https://proxy.example/v1/realtime/calls' }, deps: { createTransport } });
  const hintStore = createHintStore();
  const hints = new HintSession({ host: h.controller, store: h.store, hintStore, settings: { ...cloneDefaultSettings(), cooldownSeconds: 0 } });
  hints.attach();
  expect(await h.controller.connect({ agentId: 'hint-assistant', transport: kind })).toBe(true);
  if (kind === 'webrtc') {
    const channel: FakeDataChannel = FakePeerConnection.last!.channel;
    wire = { sent: channel.sent, receive: (e) => channel.receive(e) };
  }
  const w = wire as Wire | null;
  if (!w) throw new Error('no transport was created');
  /** The service starting the response to the last response.create (a hint: out of band). */
  const serve = (id: string) => {
    const create = creates(w.sent).at(-1) as { response?: { metadata?: Record<string, string> } } | undefined;
    w.receive({ type: 'response.created', response: { id, object: 'realtime.response', status: 'in_progress', conversation_id: null, output: [], metadata: create?.response?.metadata ?? null } });
    w.receive({ type: 'response.output_item.added', response_id: id, output_index: 0, item: { id: `item_${id}`, type: 'message', role: 'assistant', status: 'in_progress', content: [] } });
    if (kind === 'websocket') {
      w.receive({ type: 'response.output_audio.delta', response_id: id, item_id: `item_${id}`, output_index: 0, content_index: 0, delta: Buffer.alloc(4800).toString('base64') });
    }
  };
  const done = (id: string, status = 'cancelled') => w.receive({ type: 'response.done', response: { id, object: 'realtime.response', status, output: [], conversation_id: null } });
  return { h, hints, hintStore, wire: w, serve, done };
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe.each(['websocket', 'webrtc'] as const)('stopping a hint over %s', (kind) => {
  const setup = async () => {
    if (kind === 'webrtc') restore = installFakeWebRTC().restore;
    return connectHints(kind);
  };

  it('a hint interrupt names its response', async () => {
    const t = await setup();
    expect(t.hints.request('full', 'button')).not.toBeNull();
    await tick();
    expect(creates(t.wire.sent)).toHaveLength(1);
    t.serve('resp_hint_1');
    expect(t.hints.interrupt('button')).toBe(true);
    expect(cancels(t.wire.sent)).toEqual([{ type: 'response.cancel', response_id: 'resp_hint_1' }]);
    expectNoBareCancel(t.wire.sent);
    // Out of band: nothing to truncate. WebRTC also drops what the server buffered but did not play.
    expect(t.wire.sent.some((e) => e.type === 'conversation.item.truncate')).toBe(false);
    expect(t.wire.sent.some((e) => e.type === 'output_audio_buffer.clear')).toBe(kind === 'webrtc');
    expect(Object.values(t.hintStore.getState().hints)[0]).toMatchObject({ status: 'interrupted', interruptedBy: 'button' });
  });

  it('the next hint goes out as soon as the cancelled one is done', async () => {
    const t = await setup();
    t.hints.request('full', 'button');
    await tick();
    t.serve('resp_hint_1');
    t.hints.interrupt('shortcut');
    expect(t.hints.request('quick', 'shortcut')).not.toBeNull();
    await tick();
    // The SDK sequences response.create behind the running response's done...
    expect(creates(t.wire.sent)).toHaveLength(1);
    t.done('resp_hint_1');
    await tick();
    // ...which the named cancel brings at once (a bare one would have left the hint running).
    expect(creates(t.wire.sent)).toHaveLength(2);
    t.serve('resp_hint_2');
    t.hints.interrupt('button');
    expect(cancels(t.wire.sent).map((e) => e.response_id)).toEqual(['resp_hint_1', 'resp_hint_2']);
    expectNoBareCancel(t.wire.sent);
  });

  it('an interrupt without a response id still names the running out-of-band response', async () => {
    const t = await setup();
    t.h.controller.requestResponse({ conversation: 'none', instructions: 'say something', input: [] });
    await tick();
    t.serve('resp_oob');
    t.h.controller.interrupt();
    expect(cancels(t.wire.sent)).toEqual([{ type: 'response.cancel', response_id: 'resp_oob' }]);
    // Pressing Esc again sends no second cancel for the same response.
    t.h.controller.interrupt();
    expect(cancels(t.wire.sent)).toHaveLength(1);
    expectNoBareCancel(t.wire.sent);
  });

  it('after the hint finished generating, stopping its playback sends no cancel at all', async () => {
    const t = await setup();
    t.hints.request('quick', 'button');
    await tick();
    t.serve('resp_done');
    t.done('resp_done', 'completed');
    t.h.store.getState().actions.setPlaying(true);
    t.h.controller.interrupt('resp_done');
    expect(cancels(t.wire.sent)).toEqual([]);
    expect(t.h.controller.cancelResponse('resp_done')).toBe(false);
  });
});

describe('the WebRTC connection', () => {
  it('posts its offer to the URL the mint returned', async () => {
    const fake = installFakeWebRTC();
    restore = fake.restore;
    await connectHints('webrtc');
    expect(fake.posts).toEqual([{ url: 'https://proxy.example/v1/realtime/calls', auth: `Bearer ${openaiSecret.clientSecret}` }]);
  });
});
