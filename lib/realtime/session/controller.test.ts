import type { RealtimeItem } from '@openai/agents-realtime';
import { describe, expect, it } from 'vitest';
import { HangingTransport, localSecret, makeHarness, openaiSecret } from '../test-support/harness';

const MINT_CODES: [string, string][] = [
  ['invalid_input', 'The request was not valid. Reload the page and try again.'],
  ['unknown_agent', 'That coaching agent does not exist. Pick another one.'],
  ['rate_limited', 'Too many connection attempts. Wait a minute, then connect again.'],
  ['upstream_unauthorized', "OpenAI refused the server's API key. Check OPENAI_API_KEY on the server."],
  ['upstream_rate_limited', 'OpenAI is rate-limiting this account.'],
  ['upstream_unavailable', 'OpenAI is not available right now. Try again in a minute.'],
  ['timeout', 'OpenAI did not answer in time.'],
  ['engine_unavailable', 'The local realtime engine is not running.'],
  ['misconfigured', 'The server is not configured for this.'],
];

const userItem = (id: string, transcript: string): RealtimeItem => ({
  itemId: id,
  type: 'message',
  role: 'user',
  status: 'completed',
  content: [{ type: 'input_audio', transcript }],
});

describe('RealtimeController: mint failures', () => {
  it.each(MINT_CODES)('%s ends disconnected with the action message', async (code, message) => {
    const h = makeHarness({ mint: async () => ({ ok: false, error: { code, message } }) });
    const statuses: string[] = [];
    h.store.subscribe((s) => statuses.push(s.status));
    await expect(h.controller.connect({ agentId: 'practice-partner' })).resolves.toBe(false);
    expect(h.store.getState().status).toBe('disconnected');
    expect(h.store.getState().error).toEqual({ code, message });
    expect(statuses).toContain('connecting');
    expect(h.plans).toHaveLength(0);
  });

  it('a throwing action ends in mint_failed', async () => {
    const h = makeHarness({ mint: async () => Promise.reject(new Error('fetch failed')) });
    await h.controller.connect({ agentId: 'practice-partner' });
    expect(h.store.getState()).toMatchObject({ status: 'disconnected', error: { code: 'mint_failed' } });
  });

  it('an action that never answers ends in connect_timeout', async () => {
    const h = makeHarness({ mint: () => new Promise(() => undefined) });
    await h.controller.connect({ agentId: 'practice-partner' });
    expect(h.store.getState().status).toBe('disconnected');
    expect(h.store.getState().error?.code).toBe('connect_timeout');
  });

  it('a malformed secret (local without url) ends in invalid_response', async () => {
    const h = makeHarness({ minted: { ...localSecret, url: undefined } });
    await h.controller.connect({ agentId: 'practice-partner' });
    expect(h.store.getState().error?.code).toBe('invalid_response');
  });

  it('an unknown agent id fails before minting', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'nope' });
    expect(h.mintCalls).toHaveLength(0);
    expect(h.store.getState()).toMatchObject({ status: 'disconnected', error: { code: 'unknown_agent' } });
  });
});

describe('RealtimeController: connecting', () => {
  it('connects the local engine over WebSocket with the minted key, url and agent session config', async () => {
    const h = makeHarness();
    await expect(h.controller.connect({ agentId: 'practice-partner', transport: 'webrtc' })).resolves.toBe(true);
    expect(h.mintCalls).toEqual([{ agentId: 'practice-partner', transport: 'webrtc', overrides: undefined }]);
    expect(h.plans[0]).toMatchObject({ kind: 'websocket', bargeIn: true });
    const connect = h.transport.calls.find((c) => c.method === 'connect') as unknown as {
      options: { url: string; model: string; apiKeyProvided: boolean; initialSessionConfig: Record<string, unknown> };
    };
    expect(connect.options.url).toBe(localSecret.url);
    expect(connect.options.model).toBe('gpt-realtime-2.1');
    expect(connect.options.apiKeyProvided).toBe(true);
    expect(connect.options.initialSessionConfig).toMatchObject({
      voice: 'cedar',
      outputModalities: ['audio'],
      audio: {
        input: {
          transcription: { model: 'gpt-live-transcribe' },
          turnDetection: { type: 'server_vad', createResponse: true, interruptResponse: true, silenceDurationMs: 600 },
        },
        output: { voice: 'cedar' },
      },
    });
    // Tracing is off unless asked for: the SDK would send tracing 'auto' otherwise.
    expect(connect.options.initialSessionConfig.tracing).toBeNull();
    expect(h.store.getState()).toMatchObject({ status: 'listening', backend: 'local', model: 'gpt-realtime-2.1', transport: 'websocket', tracing: false, error: null });
    expect(h.captures[0]?.active).toBe(true);
  });

  it('sends the listened-for phrases as transcription keywords and turns tracing on only when the mint says so', async () => {
    const overrides = { transcriptionKeywords: ['got it', 'walk me through'], tracing: true };
    const h = makeHarness({ minted: { ...localSecret, agentId: 'hint-assistant', voice: 'marin', tracing: true } });
    await h.controller.connect({ agentId: 'hint-assistant', overrides });
    expect(h.mintCalls).toEqual([{ agentId: 'hint-assistant', transport: undefined, overrides }]);
    const connect = h.transport.calls.find((c) => c.method === 'connect') as unknown as { options: { initialSessionConfig: Record<string, unknown> } };
    expect(connect.options.initialSessionConfig).toMatchObject({
      tracing: 'auto',
      audio: { input: { transcription: { model: 'gpt-live-transcribe', keywords: ['got it', 'walk me through'] } } },
    });
    expect(h.store.getState().tracing).toBe(true);

    // The server has the last word: asked for, but not minted with tracing = off.
    const refused = makeHarness({ minted: { ...localSecret, agentId: 'hint-assistant', voice: 'marin' } });
    await refused.controller.connect({ agentId: 'hint-assistant', overrides });
    const second = refused.transport.calls.find((c) => c.method === 'connect') as unknown as { options: { initialSessionConfig: Record<string, unknown> } };
    expect(second.options.initialSessionConfig.tracing).toBeNull();
    expect(refused.store.getState().tracing).toBe(false);
  });

  it('the hint assistant gets barge-in off (user speech must not cut its hint)', async () => {
    const h = makeHarness({ minted: { ...localSecret, agentId: 'hint-assistant', voice: 'marin' } });
    await h.controller.connect({ agentId: 'hint-assistant' });
    expect(h.plans[0]).toMatchObject({ kind: 'websocket', bargeIn: false });
  });

  it('text-only connect stays "connected" and opens no capture', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner', input: 'none' });
    expect(h.store.getState().status).toBe('connected');
    expect(h.captures).toHaveLength(0);
  });

  it('a refused connection ends disconnected with connect_failed', async () => {
    const h = makeHarness();
    h.transport.failNextCall('connect', new Error('socket refused'));
    await expect(h.controller.connect({ agentId: 'practice-partner' })).resolves.toBe(false);
    expect(h.store.getState().status).toBe('disconnected');
    expect(h.store.getState().error).toEqual({
      code: 'connect_failed',
      message: 'Could not open a connection to the local engine. Make sure it is running (`npm run engine`), then try again.',
    });
  });

  it('a connection that never opens times out and closes the transport', async () => {
    const h = makeHarness({ transport: () => new HangingTransport() });
    await h.controller.connect({ agentId: 'practice-partner' });
    expect(h.store.getState().status).toBe('disconnected');
    expect(h.store.getState().error?.code).toBe('connect_timeout');
    expect(h.transport.calls.map((c) => c.method)).toContain('close');
  });

  it('a throwing transport constructor (no WebRTC here) still ends disconnected with words', async () => {
    const h = makeHarness({
      minted: openaiSecret,
      deps: {
        createTransport: () => {
          throw new Error('WebRTC is not supported in this environment');
        },
      },
    });
    await expect(h.controller.connect({ agentId: 'practice-partner' })).resolves.toBe(false);
    expect(h.store.getState().status).toBe('disconnected');
    expect(h.store.getState().error).toEqual({
      code: 'connect_failed',
      message: 'Could not connect to OpenAI: WebRTC is not supported in this environment. Try again in a moment.',
    });
    expect(h.mic.stopped).toBe(1);
  });

  it('a denied microphone keeps the session usable for text and says so', async () => {
    const h = makeHarness({
      deps: {
        createCapture: (o) => {
          const c = new (class {
            active = false;
            prepare() {}
            async start() {
              throw Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
            }
            stop() {}
            setMuted() {}
            addStream() {}
          })();
          void o;
          return c;
        },
      },
    });
    await expect(h.controller.connect({ agentId: 'practice-partner' })).resolves.toBe(true);
    expect(h.store.getState().status).toBe('connected');
    expect(h.store.getState().error?.code).toBe('mic_denied');
    expect(h.controller.sendText('typed instead')).toBe(true);
  });

  it('OpenAI defaults to WebRTC with the mic stream and the audio element', async () => {
    const h = makeHarness({ minted: openaiSecret });
    await h.controller.connect({ agentId: 'practice-partner' });
    expect(h.plans[0]).toMatchObject({ kind: 'webrtc', mediaStream: h.mic, audioElement: h.audioElement });
    expect(h.store.getState()).toMatchObject({ backend: 'openai', transport: 'webrtc', status: 'listening' });
    expect(h.captures[0]?.startedWith).toBe(h.mic);
  });

  it('WebRTC without a usable mic connects on a silent track and says why', async () => {
    const h = makeHarness({
      minted: openaiSecret,
      deps: { openMicrophone: async () => Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' })) },
    });
    await expect(h.controller.connect({ agentId: 'practice-partner' })).resolves.toBe(true);
    expect(h.plans[0]).toMatchObject({ kind: 'webrtc', mediaStream: h.silent });
    expect(h.store.getState()).toMatchObject({ status: 'connected', micActive: false, error: { code: 'mic_denied' } });
    h.controller.disconnect();
    expect(h.silent.stopped).toBe(1);
  });

  it('OpenAI over WebSocket when asked', async () => {
    const h = makeHarness({ minted: openaiSecret });
    await h.controller.connect({ agentId: 'practice-partner', transport: 'websocket' });
    expect(h.plans[0]?.kind).toBe('websocket');
  });
});

describe('RealtimeController: live session', () => {
  it('a dropped connection ends disconnected with connection_lost and keeps the history', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.transport.emit('item_update', userItem('u1', 'hello'));
    h.transport.disconnect();
    expect(h.store.getState()).toMatchObject({ status: 'disconnected', error: { code: 'connection_lost' } });
    expect(h.store.getState().error?.message).toBe('The connection to the local engine was lost. Connect again to continue.');
    expect(h.controller.lastHistory.map((i) => i.itemId)).toEqual(['u1']);
    expect(h.store.getState().transcript.order).toEqual(['u1']);
    expect(h.captures[0]?.active).toBe(false);
  });

  it('retry after a lost connection replays the history into the new session', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.transport.emit('item_update', userItem('u1', 'hello'));
    h.transport.disconnect();
    await expect(h.controller.retry()).resolves.toBe(true);
    const reset = h.transport.calls.filter((c) => c.method === 'resetHistory').at(-1) as unknown as { newHistory: RealtimeItem[] };
    expect(reset.newHistory).toEqual([
      { itemId: 'u1', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'hello' }] },
    ]);
    // The transcript on screen survived the reconnect's empty history.
    expect(h.store.getState().transcript.order).toEqual(['u1']);
    expect(h.store.getState().status).toBe('listening');
  });

  it('a failed reconnect keeps the lost history for the next retry', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.transport.emit('item_update', userItem('u1', 'hello'));
    h.transport.disconnect();
    h.transport.failNextCall('connect', new Error('engine still down'));
    await expect(h.controller.retry()).resolves.toBe(false);
    expect(h.store.getState().error?.code).toBe('connect_failed');
    await expect(h.controller.retry()).resolves.toBe(true);
    const reset = h.transport.calls.filter((c) => c.method === 'resetHistory') as unknown as { newHistory: RealtimeItem[] }[];
    expect(reset.map((r) => r.newHistory.map((i) => i.itemId))).toEqual([['u1']]);
  });

  it('retry after a failed connect starts a fresh session (nothing to replay)', async () => {
    const h = makeHarness();
    h.transport.failNextCall('connect', new Error('refused'));
    await h.controller.connect({ agentId: 'practice-partner', input: 'none' });
    await expect(h.controller.retry()).resolves.toBe(true);
    expect(h.transport.calls.filter((c) => c.method === 'resetHistory')).toHaveLength(0);
    expect(h.store.getState()).toMatchObject({ status: 'connected', error: null });
  });

  it('a user disconnect is not a lost connection', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.controller.disconnect();
    expect(h.store.getState()).toMatchObject({ status: 'disconnected', error: null });
  });

  it('interrupt flushes local playback before the upstream cancel (WebSocket)', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.transport.emit('audio', { type: 'audio', data: new ArrayBuffer(4800), responseId: 'r1' });
    expect(h.store.getState().status).toBe('speaking');
    h.order.length = 0;
    h.controller.interrupt();
    expect(h.order).toEqual(['player.flush', 'transport.interrupt (element muted: false)']);
    expect(h.store.getState().status).toBe('listening');
  });

  it('interrupt mutes the output element before the upstream cancel (WebRTC)', async () => {
    const h = makeHarness({ minted: openaiSecret });
    await h.controller.connect({ agentId: 'practice-partner' });
    h.controller.interrupt();
    expect(h.order.at(-1)).toBe('transport.interrupt (element muted: true)');
    h.transport.emit('*', { type: 'output_audio_buffer.cleared' });
    expect(h.audioElement.muted).toBe(false);
  });

  it('plays audio events, flushes on audio_interrupted, and shows speaking while playing', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.transport.emit('audio', { type: 'audio', data: new ArrayBuffer(960), responseId: 'r1' });
    expect(h.player.enqueued).toEqual([{ bytes: 960, responseId: 'r1' }]);
    expect(h.store.getState().status).toBe('speaking');
    h.transport.emit('audio_interrupted');
    expect(h.order.at(-1)).toBe('player.flush');
    expect(h.store.getState().status).toBe('listening');
  });

  it('forwards captured chunks only while connected over WebSocket', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.captures[0]!.opts.onChunk(new ArrayBuffer(3840));
    const sent = h.transport.calls.filter((c) => c.method === 'sendAudio') as unknown as { audio: ArrayBuffer }[];
    expect(sent).toHaveLength(1);
    expect(sent[0]!.audio.byteLength).toBe(3840);
    h.controller.disconnect();
    h.captures[0]!.opts.onChunk(new ArrayBuffer(3840));
    expect(h.transport.calls.filter((c) => c.method === 'sendAudio')).toHaveLength(1);
  });

  it('mute: capture sends silence on WebSocket; session.mute on WebRTC', async () => {
    const ws = makeHarness();
    await ws.controller.connect({ agentId: 'practice-partner' });
    ws.controller.setMuted(true);
    expect(ws.captures[0]?.muted).toBe(true);
    expect(ws.store.getState().status).toBe('muted');
    expect(ws.transport.calls.some((c) => c.method === 'mute')).toBe(false);

    const rtc = makeHarness({ minted: openaiSecret });
    await rtc.controller.connect({ agentId: 'practice-partner' });
    rtc.controller.setMuted(true);
    const mute = rtc.transport.calls.filter((c) => c.method === 'mute').at(-1) as unknown as { muted: boolean };
    expect(mute.muted).toBe(true);
    expect(rtc.store.getState().status).toBe('muted');
  });

  it('sendText and requestResponse reach the transport; without a connection they explain why', async () => {
    const h = makeHarness();
    expect(h.controller.sendText('hi')).toBe(false);
    expect(h.store.getState().error?.code).toBe('not_connected');
    await h.controller.connect({ agentId: 'practice-partner' });
    expect(h.controller.sendText('  Hello  ')).toBe(true);
    expect(h.controller.requestResponse({ conversation: 'none', instructions: 'hint' })).toBe(true);
    const calls = h.transport.calls as unknown as { method: string; message?: unknown; response?: unknown }[];
    expect(calls.find((c) => c.method === 'sendMessage')?.message).toBe('Hello');
    expect(calls.find((c) => c.method === 'requestResponse')?.response).toEqual({ conversation: 'none', instructions: 'hint' });
    expect(h.controller.sendText('   ')).toBe(false);
  });

  it('sendText with triggerResponse: false adds the message without asking for a reply', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'hint-assistant' });
    expect(h.controller.sendText(' Context only ', { triggerResponse: false })).toBe(true);
    const calls = h.transport.calls as unknown as { method: string; message?: unknown; options?: unknown }[];
    const sent = calls.filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ message: 'Context only', options: { triggerResponse: false } });
    expect(calls.some((c) => c.method === 'requestResponse')).toBe(false);
  });

  it('a turn typed while the assistant is answering gets its reply once that answer is done', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.transport.emit('*', { type: 'response.created', response: { id: 'resp_open', conversation_id: 'conv_1' } });
    // An out-of-band hint in progress does not hold a reply back; the conversation's answer does.
    expect(h.controller.sendText('Sorry, go on')).toBe(true);
    const calls = () => h.transport.calls as unknown as { method: string; message?: unknown; options?: unknown }[];
    expect(calls().filter((c) => c.method === 'sendMessage')).toEqual([expect.objectContaining({ message: 'Sorry, go on', options: { triggerResponse: false } })]);
    expect(calls().some((c) => c.method === 'requestResponse')).toBe(false);
    h.transport.emit('*', { type: 'response.done', response: { id: 'resp_open', conversation_id: 'conv_1', status: 'completed' } });
    expect(calls().filter((c) => c.method === 'requestResponse')).toHaveLength(1);
    // Asked for once: a later answer finishing asks for nothing more.
    h.transport.emit('*', { type: 'response.created', response: { id: 'resp_next', conversation_id: 'conv_1' } });
    h.transport.emit('*', { type: 'response.done', response: { id: 'resp_next', conversation_id: 'conv_1', status: 'completed' } });
    expect(calls().filter((c) => c.method === 'requestResponse')).toHaveLength(1);
  });

  it('an in-conversation response asked for during an answer waits for it; an out-of-band one goes at once', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    const creates = () => (h.transport.calls as unknown as { method: string; response?: unknown }[]).filter((c) => c.method === 'requestResponse');
    h.transport.emit('*', { type: 'response.created', response: { id: 'resp_a', conversation_id: 'conv_1' } });
    expect(h.controller.requestResponse({ conversation: 'none', instructions: 'hint' })).toBe(true);
    expect(creates()).toHaveLength(1);
    expect(h.controller.requestResponse({ instructions: 'escalate' })).toBe(true);
    expect(creates()).toHaveLength(1);
    h.transport.emit('*', { type: 'response.done', response: { id: 'resp_a', conversation_id: 'conv_1', status: 'completed' } });
    expect(creates().map((c) => c.response)).toEqual([{ conversation: 'none', instructions: 'hint' }, { instructions: 'escalate' }]);
  });

  it('an out-of-band response in progress does not hold a typed turn back', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'hint-assistant' });
    h.transport.emit('*', { type: 'response.created', response: { id: 'resp_hint', conversation_id: null } });
    expect(h.controller.sendText('What next?')).toBe(true);
    const calls = h.transport.calls as unknown as { method: string; message?: unknown; options?: unknown }[];
    expect(calls.filter((c) => c.method === 'sendMessage')).toEqual([expect.objectContaining({ message: 'What next?' })]);
    expect(calls.find((c) => c.method === 'sendMessage')?.options).not.toEqual({ triggerResponse: false });
  });

  it('a transport send failure becomes a readable error, not a throw', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.transport.failNextCall('sendMessage', new Error('socket is closing'));
    expect(h.controller.sendText('hi')).toBe(false);
    expect(h.store.getState().error).toEqual({ code: 'session_error', message: 'Something went wrong in the live session: socket is closing.' });
  });

  it('server error events show their message; benign cancel errors are ignored', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.transport.emit('error', { type: 'error', error: { type: 'error', event_id: 'e1', error: { code: 'response_cancel_not_active', message: 'no active response' } } });
    expect(h.store.getState().error).toBeNull();
    h.transport.emit('error', { type: 'error', error: { type: 'error', event_id: 'e2', error: { code: 'invalid_value', message: 'Bad voice.' } } });
    expect(h.store.getState().error).toEqual({ code: 'server_error', message: 'The local engine reported a problem: Bad voice.' });
    expect(h.store.getState().status).toBe('listening');
  });

  it('logs server events and routes live transcript deltas into the transcript', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.transport.emit('*', { type: 'conversation.item.input_audio_transcription.delta', item_id: 'u1', delta: 'Hel' });
    h.transport.emit('*', { type: 'conversation.item.input_audio_transcription.delta', item_id: 'u1', delta: 'lo' });
    h.transport.emit('*', { type: 'response.output_audio.delta', item_id: 'a1', delta: Buffer.alloc(10).toString('base64') });
    const { transcript, events } = h.store.getState();
    expect(transcript.byId.u1).toMatchObject({ role: 'user', partial: 'Hello', status: 'in_progress' });
    expect(events.map((e) => [e.direction, e.type])).toEqual([
      ['server', 'conversation.item.input_audio_transcription.delta'],
      ['server', 'conversation.item.input_audio_transcription.delta'],
      ['server', 'response.output_audio.delta'],
    ]);
    expect(events[2]?.payload).toMatchObject({ delta: '[audio: 10 bytes]' });
  });

  it('events from a closed session are ignored', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'practice-partner' });
    h.controller.disconnect();
    h.transport.emit('*', { type: 'response.created' });
    h.transport.emit('error', { type: 'error', error: new Error('late') });
    expect(h.store.getState().events).toEqual([]);
    expect(h.store.getState().error).toBeNull();
  });
});
