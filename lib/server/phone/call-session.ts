import { randomUUID } from 'node:crypto';
import { RealtimeSession, type RealtimeItem } from '@openai/agents/realtime';
import { TwilioRealtimeTransportLayer } from '@openai/agents-extensions';
import type WebSocket from 'ws';
import type { PhoneAgentConfig } from '@/lib/contracts/phone-agent';
import type { PhoneCallSource } from '@/lib/contracts/phone-call';
import { isLookupTool } from '@/lib/contracts/studio-agent';
import type { Database } from '@/lib/server/db/client';
import type { PhoneRealtimeAccess } from '@/lib/server/model-access/phone-realtime';
import type { PhoneAgentSource } from './agent-source';
import { CallLog, type CallStore } from './call-log';
import { MediaStreamGate } from './media-stream-gate';
import { installNativeBase64 } from './native-base64';
import type { StartMessage } from './media-stream-messages';
import { buildPhoneAgent, greetingInstructions, type ToolHost } from './phone-agent';
import { dialTwiml } from './twiml';
import { updateLiveCall, type TwilioCredentials } from './twilio-rest';
import type { FetchLike } from './webhook-tool';

/**
 * One phone call: a /call socket (Twilio Media Streams, or the phone simulator speaking the same
 * protocol) driving a server-side RealtimeSession through the SDK's Twilio transport.
 * - The gate and the transport are made synchronously, before any await, so Twilio's `start`
 *   is never missed (a missed start leaves `streamSid` null and every outbound frame rejected).
 * - On `start` the agent is loaded (the transport already exists), the session connects with
 *   G.711 mu-law set explicitly both ways, and the agent greets first.
 * - Barge-in is the transport's: on speech_started it sends `clear`, cancels the response and
 *   truncates at the audio Twilio has played (its mark echoes).
 * - `stop`, a closed socket, end_call, a transfer or the time limit end the session once, and
 *   the call log is saved. Each call owns its own objects: calls never share state.
 */
export type PhoneCallDeps = {
  agentSource: PhoneAgentSource;
  store: CallStore;
  access(cfg: PhoneAgentConfig, callId: string): Promise<PhoneRealtimeAccess>;
  /** Twilio REST credentials for transfers (null: not configured). */
  twilio: TwilioCredentials | null;
  fetchImpl?: FetchLike;
  /** Webhook tools' fetch (the SSRF guard: webhook-fetch.ts); defaults to `fetchImpl`. */
  webhookFetch?: FetchLike;
  /**
   * The database the read-only built-ins (customer lookup, order details, policy check, knowledge
   * search) read: the app's, with the demo systems of record in place. Absent: they answer `{ error }`.
   */
  lookupDb?: () => Promise<Database>;
  log(line: string): void;
};

export type CallAuth = { kind: 'twilio' } | { kind: 'simulator'; agentId: string; userId: string };

export type CallEndReason = 'caller_hung_up' | 'socket_closed' | 'agent_ended' | 'transferred' | 'time_limit' | 'no_agent' | 'no_start' | 'failed';

/** How long after end_call the goodbye may take to play before the line is closed anyway. */
const END_CALL_GRACE_MS = 12_000;
/** A socket that never sends a valid `start` is closed after this. */
const START_TIMEOUT_MS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Twilio transport, noting when each engine message arrived so the gate can time what it writes, and
 * appending caller audio with Node's native base64 (the SDK's portable encoder, a String.fromCharCode loop and
 * btoa, was ~6 % of the gateway's CPU at 50 frames a second a call: scripts/bench-phone.ts with a profile).
 */
class TimedTwilioTransport extends TwilioRealtimeTransportLayer {
  lastEngineMessageAt: number | null = null;

  override sendAudio(audio: ArrayBuffer, options: { commit?: boolean } = {}): void {
    if (this.status !== 'connected') return;
    this.sendEvent({ type: 'input_audio_buffer.append', audio: Buffer.from(audio).toString('base64') });
    if (options.commit) this.sendEvent({ type: 'input_audio_buffer.commit' });
  }

  protected override _onMessage(event: Parameters<TwilioRealtimeTransportLayer['_onMessage']>[0]): void {
    // The transport writes the message's audio to Twilio right after this, in the same listener call.
    this.lastEngineMessageAt = performance.now();
    super._onMessage(event);
  }
}

/** What the agent is told when the caller presses a key (the local engine's phone persona reads it too). */
function dtmfText(digit: string): string {
  return `The caller pressed ${digit} on the keypad.`;
}

export class PhoneCall {
  readonly gate: MediaStreamGate;
  readonly transport: TimedTwilioTransport;
  #session: RealtimeSession | null = null;
  #log: CallLog | null = null;
  #cfg: PhoneAgentConfig | null = null;
  #startedAt = Date.now();
  #ended = false;
  /** end_call was called: hang up once the goodbye (the first reply audio after it) has played. */
  #endAfterReply: { goodbyeItemId: string | null; timer: NodeJS.Timeout } | null = null;
  #params: Record<string, string> = {};
  #transferred = false;
  #limitTimer: NodeJS.Timeout | null = null;
  #unsubscribe: (() => void) | null = null;
  #callSid: string | null = null;
  #resolveDone!: () => void;
  /** Resolves once the call has ended and its log is saved. */
  readonly done = new Promise<void>((resolve) => (this.#resolveDone = resolve));
  id: string = randomUUID();
  engineSessionId: string | null = null;

  constructor(
    ws: WebSocket,
    private readonly auth: CallAuth,
    private readonly deps: PhoneCallDeps,
    options: { inputBatchMs?: number } = {},
  ) {
    // Synchronous on purpose: see the header comment.
    installNativeBase64();
    this.gate = new MediaStreamGate(ws, { inputBatchMs: options.inputBatchMs ?? 0 }, {
      onStart: (start) => void this.#begin(start).catch((error: unknown) => this.#fail(error)),
      onStop: (reason) => void this.end(reason === 'stop' ? 'caller_hung_up' : 'socket_closed'),
      onMark: (name) => this.#onMark(name),
      onDtmf: (digit) => this.#onDtmf(digit),
      onBadInput: (reason) => {
        deps.log(`call ${this.id}: ignored bad input on /call: ${reason}`);
        this.#event('bad_input', reason);
      },
    });
    this.transport = new TimedTwilioTransport({ twilioWebSocket: this.gate as unknown as ConstructorParameters<typeof TwilioRealtimeTransportLayer>[0]['twilioWebSocket'] });
    this.gate.engineMessageAt = () => this.transport.lastEngineMessageAt;
    this.#startTimer = setTimeout(() => {
      deps.log(`call ${this.id}: no valid start within ${START_TIMEOUT_MS / 1000} s; closing the socket`);
      void this.end('no_start');
    }, START_TIMEOUT_MS);
    this.#startTimer.unref?.();
  }

  #startTimer: NodeJS.Timeout | null = null;

  /** Events before the log exists (bad input before `start`) are kept for it. */
  #early: [string, string | undefined][] = [];

  #event(type: string, detail?: string): void {
    if (this.#log) this.#log.event(type, detail);
    else if (this.#early.length < 50) this.#early.push([type, detail]);
  }

  get ended(): boolean {
    return this.#ended;
  }

  get session(): RealtimeSession | null {
    return this.#session;
  }

  async #begin(start: StartMessage): Promise<void> {
    if (this.#startTimer) clearTimeout(this.#startTimer);
    const params = start.start.customParameters;
    this.#params = params;
    if (this.auth.kind === 'twilio' && params.callId && UUID.test(params.callId)) this.id = params.callId;
    this.#callSid = start.start.callSid ?? null;
    const { agentSource } = this.deps;
    const wanted = this.auth.kind === 'simulator' ? this.auth.agentId : params.agentId;
    const cfg = (wanted ? await agentSource.byId(wanted) : null) ?? (this.auth.kind === 'twilio' ? await agentSource.forNumber(params.to ?? '') : null);
    if (!cfg) {
      this.deps.log(`call ${this.id}: no agent ${wanted ?? ''} for this call; hanging up`);
      return this.end('no_agent');
    }
    if (this.#ended) return;
    this.#cfg = cfg;
    // The first lookup of a process seeds the demo systems of record: start that now, not when the caller asks.
    if (cfg.builtinTools.some(isLookupTool)) void this.deps.lookupDb?.().catch((error: unknown) => this.deps.log(`call ${this.id}: the lookup database is not ready: ${error instanceof Error ? error.message : String(error)}`));
    const access = await this.deps.access(cfg, this.id);
    this.engineSessionId = access.engineSessionId;
    const log = new CallLog(this.id, this.deps.store, this.deps.log);
    this.#log = log;
    for (const [type, detail] of this.#early) log.event(type, detail);
    this.#early = [];
    const source: PhoneCallSource = this.auth.kind;
    await log.start({
      source,
      agentId: cfg.id,
      agentName: cfg.name,
      agentVersion: cfg.version,
      callSid: this.#callSid,
      streamSid: start.start.streamSid,
      fromNumber: params.from ?? null,
      toNumber: params.to ?? null,
      userId: this.auth.kind === 'simulator' ? this.auth.userId : null,
      backend: access.backend,
      startedAt: new Date(this.#startedAt),
    });
    if (this.#ended) return void (await this.#finish());
    const session = new RealtimeSession(buildPhoneAgent(cfg, this.#toolHost()), {
      transport: this.transport,
      model: cfg.model,
      tracingDisabled: true,
      historyStoreAudio: false,
      config: {
        audio: {
          input: {
            format: { type: 'audio/pcmu' },
            transcription: { model: cfg.transcriptionModel },
            turnDetection: { type: 'server_vad', createResponse: true, interruptResponse: true, silenceDurationMs: cfg.silenceDurationMs },
          },
          output: { format: { type: 'audio/pcmu' }, voice: cfg.voice },
        },
      },
    });
    this.#session = session;
    session.on('history_updated', (history: RealtimeItem[]) => log.history(history as never));
    session.on('audio_interrupted', () => log.event('barge_in', 'the caller spoke over the agent: playback cleared and the reply truncated'));
    session.on('error', (e) => {
      const message = e.error instanceof Error ? e.error.message : JSON.stringify(e.error).slice(0, 300);
      log.event('error', message);
    });
    session.on('transport_event', (event) => {
      if (event.type === 'response.created') this.#responding = true;
      else if (event.type === 'response.done') this.#responding = false;
      if (event.type === 'input_audio_buffer.speech_started') log.event('caller_speaking');
      else if (event.type === 'response.output_audio_transcript.delta') {
        const e = event as { item_id?: unknown; delta?: unknown };
        if (typeof e.item_id === 'string' && typeof e.delta === 'string') log.agentDelta(e.item_id, e.delta);
      }
      if (event.type === 'response.output_audio.delta' && this.#endAfterReply && this.#endAfterReply.goodbyeItemId === null) {
        this.#endAfterReply.goodbyeItemId = String((event as { item_id?: unknown }).item_id ?? '');
      }
    });
    await session.connect({ apiKey: access.apiKey, url: access.url });
    if (this.#ended) return void session.close();
    log.event('connected', `${access.backend} backend, agent ${cfg.id} v${cfg.version}`);
    this.transport.requestResponse({ instructions: greetingInstructions(cfg) });
    this.#unsubscribe = agentSource.subscribe(cfg.id, (next) => void this.#follow(next));
    this.#limitTimer = setTimeout(() => void this.end('time_limit'), cfg.maxCallSeconds * 1000);
    this.#limitTimer.unref?.();
  }

  /** A saved change to the agent: the live call follows it from its next reply. */
  async #follow(next: PhoneAgentConfig): Promise<void> {
    if (this.#ended || !this.#session) return;
    this.#cfg = next;
    await this.#session.updateAgent(buildPhoneAgent(next, this.#toolHost()));
    this.#log?.event('config_changed', `agent ${next.id} is now version ${next.version}`);
  }

  #toolHost(): ToolHost {
    const params = this.#params;
    return {
      call: { callId: this.id, agentId: this.#cfg?.id ?? '', from: params.from ?? null, to: params.to ?? null },
      fetchImpl: this.deps.webhookFetch ?? this.deps.fetchImpl ?? fetch,
      record: (call) => this.#log?.toolCall(call),
      endAfterReply: (reason) => {
        if (this.#endAfterReply) return;
        this.#log?.event('end_call', reason);
        const timer = setTimeout(() => void this.end('agent_ended'), END_CALL_GRACE_MS);
        timer.unref?.();
        this.#endAfterReply = { goodbyeItemId: null, timer };
      },
      transfer: (number, reason) => this.#transfer(number, reason),
      lookupDb: this.deps.lookupDb ?? null,
    };
  }

  /**
   * A keypad press: logged, and given to the agent as what the caller did ("The caller pressed 1 on
   * the keypad.", a user message) followed by a response, so a menu choice or "press 0 for a person"
   * is answered like a spoken request. Presses before the session is up are only logged.
   */
  #onDtmf(digit: string): void {
    this.#event('dtmf', digit);
    if (this.#ended || !this.#session || this.transport.status !== 'connected') return;
    if (!/^[0-9*#A-D]$/.test(digit)) return;
    // A press over the agent's reply interrupts it, as speech would (clear, cancel, truncate).
    if (this.#responding) this.#session.interrupt();
    this.#session.sendMessage(dtmfText(digit));
  }

  /** A response is in progress on the model side (between response.created and response.done). */
  #responding = false;

  async #transfer(number: string, reason: string): Promise<{ ok: true } | { ok: false; error: string }> {
    if (this.auth.kind === 'simulator') {
      this.#log?.event('transfer', `simulated: would dial ${number} (${reason})`);
      this.#transferred = true;
      this.#endSoon('transferred');
      return { ok: true };
    }
    if (!this.deps.twilio) return { ok: false, error: 'transfers are not configured (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)' };
    if (!this.#callSid) return { ok: false, error: 'this call has no CallSid to update' };
    const result = await updateLiveCall(this.deps.twilio, this.#callSid, dialTwiml(number, 'Connecting you to a person now.'), this.deps.fetchImpl);
    this.#log?.event('transfer', result.ok ? `dialling ${number} (${reason})` : `failed: ${result.error}`);
    if (result.ok) {
      // Twilio now runs the <Dial>: it ends this stream with `stop`; end here too in case it does not.
      this.#transferred = true;
      this.#endSoon('transferred');
    }
    return result;
  }

  #endSoon(reason: CallEndReason, ms = 3000): void {
    const timer = setTimeout(() => void this.end(reason), ms);
    timer.unref?.();
  }

  #onMark(name: string): void {
    // The goodbye after end_call has played (the transport's "done:<item>:…" mark came back): hang up.
    const goodbye = this.#endAfterReply?.goodbyeItemId;
    if (goodbye && name.startsWith(`done:${goodbye}:`)) void this.end('agent_ended');
  }

  #fail(error: unknown): void {
    const detail = (error as { detail?: unknown } | null)?.detail;
    const message = `${error instanceof Error ? error.message : String(error)}${typeof detail === 'string' ? ` (${detail})` : ''}`;
    this.deps.log(`call ${this.id}: failed: ${message}`);
    this.#log?.event('error', message);
    void this.end('failed');
  }

  /** End the call once (any reason): close the session and the socket, save the log. */
  async end(reason: CallEndReason): Promise<void> {
    if (this.#ended) return this.done;
    this.#ended = true;
    if (this.#endAfterReply) clearTimeout(this.#endAfterReply.timer);
    if (this.#limitTimer) clearTimeout(this.#limitTimer);
    if (this.#startTimer) clearTimeout(this.#startTimer);
    this.#unsubscribe?.();
    this.#log?.event('ended', reason);
    try {
      this.#session?.close();
    } catch (error) {
      this.deps.log(`call ${this.id}: closing the session: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.gate.close(1000, reason);
    this.#endReason = reason;
    await this.#finish();
    return this.done;
  }

  #endReason: CallEndReason = 'socket_closed';

  /** Why the call ended (meaningful once `done` resolved). */
  get endReason(): CallEndReason {
    return this.#endReason;
  }

  async #finish(): Promise<void> {
    const usage = this.#session?.usage;
    const status = this.#endReason === 'failed' ? 'failed' : this.#transferred ? 'transferred' : 'completed';
    await this.#log?.finish({
      status,
      endReason: this.#endReason,
      endedAt: new Date(),
      durationMs: Date.now() - this.#startedAt,
      usage: usage ? { requests: usage.requests, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, totalTokens: usage.totalTokens } : null,
    });
    this.#resolveDone();
  }
}
