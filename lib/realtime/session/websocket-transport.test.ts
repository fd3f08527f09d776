import { RealtimeAgent, RealtimeSession } from '@openai/agents-realtime';
import { describe, expect, it } from 'vitest';
import { OutOfBandTracker } from './out-of-band';
import { CueWebSocketTransport } from './websocket-transport';
import { attachWireTap } from './wire-tap';

/** A socket the SDK's WebSocket transport can drive, recording what it sends. */
class FakeSocket extends EventTarget {
  sent: Record<string, unknown>[] = [];
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.dispatchEvent(new Event('close'));
  }
  receive(event: Record<string, unknown>) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(event) }));
  }
  types() {
    return this.sent.map((e) => e.type);
  }
}

let seq = 0;
const ev = (type: string, rest: Record<string, unknown> = {}) => ({ type, event_id: `evt_${++seq}`, ...rest });
const audioDelta = (bytes: number) =>
  ev('response.output_audio.delta', {
    response_id: 'resp_1',
    item_id: 'item_a',
    output_index: 0,
    content_index: 0,
    delta: Buffer.alloc(bytes).toString('base64'),
  });

async function connected(opts: { bargeIn: boolean; playedMs?: number; outOfBand?: (id: string | undefined) => boolean; tracker?: OutOfBandTracker }) {
  const socket = new FakeSocket();
  const playback = { playedMs: opts.playedMs ?? 0 };
  const transport = new CueWebSocketTransport({
    bargeIn: opts.bargeIn,
    playback,
    isOutOfBandItem: opts.outOfBand,
    inProgress: opts.tracker,
    createWebSocket: async () => socket as never,
    skipOpenEventListeners: true,
  });
  const frames: string[] = [];
  attachWireTap(transport, (data) => frames.push(JSON.parse(String(data)).type));
  const session = new RealtimeSession(new RealtimeAgent({ name: 'test', instructions: 'test' }), { transport, tracingDisabled: true });
  const interrupted: number[] = [];
  session.on('audio_interrupted', () => interrupted.push(Date.now()));
  if (opts.tracker) session.on('transport_event', (event) => opts.tracker!.observe(event));
  await session.connect({ apiKey: 'ek_test', url: 'ws://127.0.0.1:1/v1/realtime' });
  socket.receive(ev('response.created', { response: { id: 'resp_1' } }));
  return { socket, session, transport, playback, interrupted, frames };
}

describe('CueWebSocketTransport', () => {
  it('ignores speech_started when barge-in is off: no cancel, no truncate, playback keeps going', async () => {
    const { socket, interrupted } = await connected({ bargeIn: false });
    socket.receive(audioDelta(4800));
    const before = socket.sent.length;
    socket.receive(ev('input_audio_buffer.speech_started', { item_id: 'u1', audio_start_ms: 100 }));
    expect(socket.sent.slice(before).map((e) => e.type)).toEqual([]);
    expect(interrupted).toHaveLength(0);
  });

  it('with barge-in on, speech truncates at what the player actually played', async () => {
    const { socket, playback, interrupted } = await connected({ bargeIn: true });
    socket.receive(audioDelta(48_000)); // 1 s of audio received
    playback.playedMs = 420;
    const before = socket.sent.length;
    socket.receive(ev('input_audio_buffer.speech_started', { item_id: 'u1', audio_start_ms: 100 }));
    const sent = socket.sent.slice(before);
    // interrupt_response defaults to false in the session echo we never sent, so the SDK cancels itself.
    expect(sent.map((e) => e.type)).toEqual(['response.cancel', 'conversation.item.truncate']);
    expect(sent[1]).toMatchObject({ item_id: 'item_a', content_index: 0, audio_end_ms: 420 });
    expect(interrupted).toHaveLength(1);
  });

  it('a manual interrupt before any audio still cancels the running response', async () => {
    const { socket, session } = await connected({ bargeIn: false });
    const before = socket.sent.length;
    session.interrupt();
    expect(socket.sent.slice(before).map((e) => e.type)).toEqual(['response.cancel']);
  });

  it('a manual interrupt during audio cancels and truncates at the played ms even with barge-in off', async () => {
    const { socket, session, playback } = await connected({ bargeIn: false });
    socket.receive(audioDelta(9600));
    playback.playedMs = 150;
    const before = socket.sent.length;
    session.interrupt();
    const sent = socket.sent.slice(before);
    expect(sent.map((e) => e.type)).toEqual(['response.cancel', 'conversation.item.truncate']);
    expect(sent[1]).toMatchObject({ audio_end_ms: 150 });
  });

  it('interrupting an out-of-band item (a hint) cancels it but sends no truncate', async () => {
    const { socket, session, interrupted } = await connected({ bargeIn: false, outOfBand: (id) => id === 'item_a' });
    socket.receive(audioDelta(9600));
    const before = socket.sent.length;
    session.interrupt();
    expect(socket.sent.slice(before).map((e) => e.type)).toEqual(['response.cancel']);
    expect(interrupted).toHaveLength(1);
    // After its response is done, only local playback is left to stop: nothing goes upstream.
    socket.receive(ev('response.done', { response: { id: 'resp_1', status: 'completed', output: [] } }));
    socket.receive(ev('response.created', { response: { id: 'resp_2' } }));
    socket.receive(audioDelta(9600));
    socket.receive(ev('response.done', { response: { id: 'resp_2', status: 'completed', output: [] } }));
    const after = socket.sent.length;
    session.interrupt();
    expect(socket.sent.slice(after)).toEqual([]);
  });

  it('with the response tracker, every cancel names the response: out of band (a hint) and default conversation alike', async () => {
    const tracker = new OutOfBandTracker();
    const { socket, session } = await connected({ bargeIn: false, tracker, outOfBand: (id) => tracker.isOutOfBandItem(id) });
    // resp_1 was created before the tracker listened; the next ones are seen.
    socket.receive(ev('response.done', { response: { id: 'resp_1', status: 'completed', output: [] } }));
    socket.receive(ev('response.created', { response: { id: 'resp_hint', conversation_id: null } }));
    socket.receive(ev('response.output_item.added', { response_id: 'resp_hint', output_index: 0, item: { id: 'item_hint', type: 'message', role: 'assistant', status: 'in_progress', content: [] } }));
    socket.receive({ ...audioDelta(9600), response_id: 'resp_hint', item_id: 'item_hint' });
    let before = socket.sent.length;
    session.interrupt();
    expect(socket.sent.slice(before)).toEqual([{ type: 'response.cancel', response_id: 'resp_hint' }]);

    socket.receive(ev('response.done', { response: { id: 'resp_hint', status: 'cancelled', output: [] } }));
    socket.receive(ev('response.created', { response: { id: 'resp_chat', conversation_id: 'conv_1' } }));
    socket.receive(ev('response.output_item.added', { response_id: 'resp_chat', output_index: 0, item: { id: 'item_chat', type: 'message', role: 'assistant', status: 'in_progress', content: [] } }));
    socket.receive({ ...audioDelta(9600), response_id: 'resp_chat', item_id: 'item_chat' });
    before = socket.sent.length;
    session.interrupt();
    const sent = socket.sent.slice(before);
    expect(sent.map((e) => e.type)).toEqual(['response.cancel', 'conversation.item.truncate']);
    expect(sent[0]).toEqual({ type: 'response.cancel', response_id: 'resp_chat' });
    expect(sent[1]).toMatchObject({ item_id: 'item_chat' });
  });

  it('the wire tap sees every frame, including queued response.create sent past sendEvent', async () => {
    const { socket, session, frames } = await connected({ bargeIn: true });
    socket.receive(ev('response.done', { response: { id: 'resp_1', status: 'completed', output: [] } }));
    session.sendMessage('hello');
    session.transport.requestResponse?.({ conversation: 'none' });
    socket.receive(ev('response.created', { response: { id: 'resp_2' } }));
    socket.receive(ev('response.done', { response: { id: 'resp_2', status: 'completed', output: [] } }));
    await new Promise((r) => setTimeout(r, 0));
    expect(frames).toEqual(socket.types());
    expect(frames).toContain('session.update');
    expect(frames.filter((t) => t === 'response.create')).toHaveLength(2);
  });
});
