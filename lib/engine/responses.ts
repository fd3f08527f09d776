import type { Conversation } from './conversation';
import type { IdFactory } from './event-ids';
import { checkInstructions, checkItemText, conversationFull, type EngineLimits, LIMIT_ERROR_CODES } from './limits';
import { type ProtocolError, protocolError, type ResponseParams } from './protocol';
import { replyPolicyFor } from './replies/registry';
import type { ReplyRequest } from './replies/types';
import { planResponse, type ResponsePlan, toolCallPlan } from './response-plan';
import { type AudioRef, ResponseRunner } from './response-runner';
import type { EffectiveSession } from './session-config';
import type { Synthesizer } from './speech/synthesis/synthesizer';
import type { PersonaBrief } from '@/lib/contracts/persona-brief';

/**
 * The responses of one session, under the GA rules: at most one response in the
 * default conversation at a time, plus out-of-band ones (`conversation: 'none'`)
 * streaming beside it. A bare `response.cancel` and user speech (interrupt_response)
 * stop only the default-conversation response; a cancel naming a `response_id`
 * stops exactly that one, out of band or not.
 */
export interface ResponsesHost {
  readonly id: string;
  readonly agent: string;
  /** The role-play persona from the token, for the reply policy. */
  readonly persona: PersonaBrief | null;
  readonly config: EffectiveSession;
  readonly conversation: Conversation;
  readonly ids: IdFactory;
  readonly limits: EngineLimits;
  readonly paceFactor: number;
  /** The engine's speech synthesiser, or null to speak the tone. */
  readonly synthesizer: Synthesizer | null;
  responseDelayMs(): number;
  log(line: string): void;
  send(event: Record<string, unknown>): void;
  sendAudioDelta(ref: AudioRef, base64: string): void;
  /** A response finished (response.done sent, unless the socket is gone). */
  responseFinished(runner: ResponseRunner): void;
  internalError(what: string, error: unknown, eventId: string | null): void;
}

export type Started = { ok: true; responseId: string } | { ok: false; error: ProtocolError };

export class Responses {
  #default: ResponseRunner | null = null;
  #outOfBand = new Map<string, ResponseRunner>();

  constructor(private readonly host: ResponsesHost) {}

  /** The in-progress default-conversation response. */
  get active(): ResponseRunner | null {
    return this.#default;
  }

  get outOfBandIds(): string[] {
    return [...this.#outOfBand.keys()];
  }

  get count(): number {
    return this.#outOfBand.size + (this.#default ? 1 : 0);
  }

  /** Plan and start a response, or say why not (busy, limits, bad input). */
  create(params: ResponseParams | undefined, trigger: ReplyRequest['trigger'], eventId: string | null): Started {
    const outOfBand = params?.conversation === 'none';
    const refused = this.#refusal(params, outOfBand, eventId);
    if (refused) return { ok: false, error: refused };
    const { host } = this;
    const planned = planResponse({ session: host.config, conversation: host.conversation, agentId: host.agent, persona: host.persona, params, trigger, policy: replyPolicyFor(host.agent) });
    if (!planned.ok) return { ok: false, error: { ...planned.error, event_id: eventId } };
    return { ok: true, responseId: this.#run(planned.plan) };
  }

  /** A response made of exactly one function call (test control). */
  toolCall(name: string, args: string): Started {
    if (this.#default) return { ok: false, error: this.#busy(null) };
    return { ok: true, responseId: this.#run(toolCallPlan(this.host.config, name, args)) };
  }

  /** `response.cancel`: null when something was cancelled, else the error to answer with. */
  cancel(responseId: string | undefined, eventId: string | null): ProtocolError | null {
    const target = responseId === undefined ? this.#default : this.#default?.id === responseId ? this.#default : this.#outOfBand.get(responseId);
    if (!target) {
      const which = responseId === undefined ? 'no active response found in the default conversation' : `no active response with id '${responseId}'`;
      return protocolError('response_cancel_not_active', `Cancellation failed: ${which}.`, { eventId, param: responseId === undefined ? null : 'response_id' });
    }
    target.cancel('client_cancelled');
    return null;
  }

  /** The user started speaking (interrupt_response): cut the default-conversation response only. */
  interrupt(): void {
    this.#default?.cancel('turn_detected');
  }

  /** Socket gone: stop everything silently. */
  abortAll(): void {
    this.#default?.abort();
    for (const r of [...this.#outOfBand.values()]) r.abort();
  }

  #refusal(params: ResponseParams | undefined, outOfBand: boolean, eventId: string | null): ProtocolError | null {
    const { limits, conversation } = this.host;
    if (!outOfBand && this.#default) return this.#busy(eventId);
    if (outOfBand && this.#outOfBand.size >= limits.maxOutOfBandResponses) {
      return protocolError(LIMIT_ERROR_CODES.tooManyResponses, `${limits.maxOutOfBandResponses} out-of-band responses are already in progress; wait for one to finish.`, { eventId });
    }
    const instructions = checkInstructions(params?.instructions, limits, 'response.instructions', eventId);
    if (instructions) return instructions;
    const input = params?.input ?? [];
    if (input.length > limits.maxConversationItems) return conversationFull(limits, eventId, 'response.input');
    for (const [i, item] of input.entries()) {
      const tooLarge = checkItemText(item, limits, `response.input.${i}`, eventId);
      if (tooLarge) return tooLarge;
    }
    if (!outOfBand && conversation.items.length >= limits.maxConversationItems) return conversationFull(limits, eventId);
    return null;
  }

  #busy(eventId: string | null): ProtocolError {
    return protocolError(
      'conversation_already_has_active_response',
      `Conversation already has an active response in progress: ${this.#default?.id}. Wait until the response is finished before creating a new one.`,
      { eventId },
    );
  }

  #run(plan: ResponsePlan): string {
    const { host } = this;
    const runner = new ResponseRunner(plan, {
      send: (e) => host.send(e),
      sendAudioDelta: (ref, b64) => host.sendAudioDelta(ref, b64),
      ids: host.ids,
      conversation: host.conversation,
      conversationId: `conv_${host.id}`,
      paceFactor: host.paceFactor,
      synthesizer: host.synthesizer,
      onSpeechFallback: (error) => host.log(`session ${host.id}: a reply piece is the tone: ${error instanceof Error ? error.message : String(error)}`),
      startDelayMs: host.responseDelayMs(),
      onFinish: (r) => {
        if (this.#default === r) this.#default = null;
        this.#outOfBand.delete(r.id);
        host.responseFinished(r);
      },
      onError: (error) => host.internalError('a response', error, null),
    });
    if (plan.outOfBand) this.#outOfBand.set(runner.id, runner);
    else this.#default = runner;
    runner.start();
    return runner.id;
  }
}
