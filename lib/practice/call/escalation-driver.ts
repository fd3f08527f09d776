import { ESCALATION_METADATA, escalationMetadata } from '@/lib/contracts/escalation-metadata';
import { checkEscalation, INITIAL_ESCALATION_STATE, type EscalationEvent, type EscalationState } from '@/lib/practice/scenarios/escalation';
import { difficultyProfile } from '@/lib/contracts/difficulty';
import type { Difficulty, Scenario } from '@/lib/contracts/scenario';
import { findEscalationTrigger } from '@/lib/shared/escalation-phrases';

/**
 * Makes the persona escalate, deterministically, when the user says a trigger phrase.
 * The app decides (checkEscalation on the user's completed words), then:
 *  - a spoken turn has already set off the service's automatic reply (or is about to):
 *    cancel it, and cancel/hide any other reply that starts before ours;
 *  - a typed turn is sent without a reply, so nothing needs cancelling;
 *  - request one response whose instructions carry the escalation in words (for a model) and
 *    whose metadata carries it as data (lib/contracts/persona-brief: level and the phrase heard,
 *    for the local engine; also how its `response.created` is recognised).
 * Pure logic over an injected port; the call controller wires it to the session.
 */

/** After this long without our response starting, stop cancelling other replies. */
export const AWAIT_ESCALATION_MS = 5000;

export type EscalationPort = {
  /** Interrupt the reply the client knows is in progress (local silence + cancel + truncate). */
  interruptCurrent(): void;
  /** Send `response.cancel`, for one response id or whatever is active on the server. */
  cancelResponse(responseId?: string): void;
  /** Never play audio of this response. */
  dropAudio(responseId: string): void;
  requestResponse(response: Record<string, unknown>): void;
  /** A trigger phrase was said but did not fire (cooling down, or the call's cap is reached). */
  held?(held: HeldEscalation): void;
};

export type FiredEscalation = EscalationEvent & { at: number; typed: boolean };

/**
 * A trigger phrase that did not make the client escalate. It still counts in the debrief,
 * so the live panel says so. `turnsLeft`: client turns until the cooldown ends (cooldown only).
 */
export type HeldEscalation = { phrase: string; reason: 'cooldown' | 'cap_reached'; turnsLeft: number | null; maxEscalations: number; at: number; typed: boolean };

export class EscalationDriver {
  #state: EscalationState = INITIAL_ESCALATION_STATE;
  #ongoing: string | null = null;
  #awaitingSince: number | null = null;
  #pending: EscalationEvent | null = null;
  #retried = false;
  readonly #superseded = new Set<string>();

  constructor(
    private readonly scenario: Scenario,
    private readonly difficulty: Difficulty,
    private readonly port: EscalationPort,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): EscalationState {
    return this.#state;
  }

  /** Responses cancelled to make way for an escalation (their items are hidden and not saved). */
  isSuperseded(responseId: string): boolean {
    return this.#superseded.has(responseId);
  }

  /** Check a completed user turn. Returns the escalation when it fires (the port has been driven). */
  userTurn(text: string, clientTurns: number, { typed, beforeRequest }: { typed: boolean; beforeRequest?: () => void }): FiredEscalation | null {
    const before = this.#state;
    const result = checkEscalation(before, { text, clientTurns }, this.scenario, this.difficulty);
    this.#state = result.state;
    const event = result.event;
    if (result.skipped === 'cooldown' || result.skipped === 'cap_reached') this.#held(text, clientTurns, before, result.skipped, typed);
    if (!event) return null;
    if (!typed) {
      if (this.#ongoing) {
        this.#superseded.add(this.#ongoing);
        this.port.interruptCurrent();
      } else {
        // The service starts its reply as the turn ends; this client may not have seen it yet.
        this.port.cancelResponse();
      }
      this.#awaitingSince = this.now();
    }
    this.#pending = event;
    this.#retried = false;
    beforeRequest?.();
    this.#request(event);
    return { ...event, at: this.now(), typed };
  }

  responseCreated(responseId: string, metadata: unknown): void {
    if (isEscalationMetadata(metadata)) {
      this.#awaitingSince = null;
      this.#pending = null;
      this.#ongoing = responseId;
      return;
    }
    this.#ongoing = responseId;
    if (this.#awaitingSince !== null && this.now() - this.#awaitingSince <= AWAIT_ESCALATION_MS) {
      this.#superseded.add(responseId);
      this.port.dropAudio(responseId);
      this.port.cancelResponse(responseId);
    }
  }

  responseDone(responseId: string): void {
    if (this.#ongoing === responseId) this.#ongoing = null;
  }

  /** The service refused our response.create because another reply was active: ask once more. */
  responseRefused(): void {
    if (!this.#pending || this.#retried) return;
    this.#retried = true;
    this.#request(this.#pending);
  }

  #held(text: string, clientTurns: number, state: EscalationState, reason: HeldEscalation['reason'], typed: boolean): void {
    const phrase = findEscalationTrigger(text, this.scenario.escalation.triggerPhrases)?.phrase;
    if (!phrase || !this.port.held) return;
    const profile = difficultyProfile(this.difficulty);
    const turnsLeft = reason === 'cooldown' && state.lastFiredAtTurn !== null ? Math.max(1, profile.escalationCooldownTurns - (clientTurns - state.lastFiredAtTurn)) : null;
    this.port.held({ phrase, reason, turnsLeft, maxEscalations: profile.maxEscalations, at: this.now(), typed });
  }

  #request(event: EscalationEvent): void {
    this.port.requestResponse({
      instructions: event.instructions,
      metadata: escalationMetadata(event.level, event.phrase),
    });
  }
}

export function isEscalationMetadata(metadata: unknown): boolean {
  return typeof metadata === 'object' && metadata !== null && (metadata as Record<string, unknown>)[ESCALATION_METADATA.key] === ESCALATION_METADATA.value;
}
