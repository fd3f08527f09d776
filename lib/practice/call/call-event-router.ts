import type { RealtimeItem, RealtimeSession, TransportEvent } from '@openai/agents-realtime';
import type { EscalationDriver, FiredEscalation } from './escalation-driver';
import { pcm16Base64Ms, type UtteranceTracker } from './utterance-tracker';

/**
 * Routes one realtime session's events to the practice call's parts: timing to the
 * utterance tracker, response lifecycle and completed user words to the escalation
 * driver, history snapshots to the saver. Listeners are attached before the session
 * connects, so nothing is missed.
 */

export type CallEventRouterDeps = {
  tracker: UtteranceTracker;
  driver: EscalationDriver;
  now: () => number;
  /** Persona turns so far (for the escalation cooldown). */
  clientTurns: () => number;
  onEscalation: (event: FiredEscalation) => void;
  /** Items of a reply cancelled for an escalation: hide them and do not save them. */
  onHidden: (itemIds: string[]) => void;
  onHistory: (history: readonly RealtimeItem[]) => void;
  /** The user's turn boundaries and transcripts (for noise detection). */
  onSpeech?: (event: SpeechEvent) => void;
};

export type SpeechEvent =
  | { type: 'started' | 'stopped'; itemId: string }
  | { type: 'transcribed'; itemId: string; text: string };

type Raw = { type: string; [key: string]: unknown };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export class CallEventRouter {
  readonly #deps: CallEventRouterDeps;
  /** Response id -> ids of the items it produced. */
  readonly #itemsOf = new Map<string, string[]>();
  /**
   * User item id -> client turns when that turn ended. The service transcribes asynchronously: the words may
   * arrive after the client's reply to them has started, and that reply must not count toward the cooldown.
   */
  readonly #turnsAtEnd = new Map<string, number>();

  constructor(deps: CallEventRouterDeps) {
    this.#deps = deps;
  }

  attach(session: RealtimeSession): void {
    session.on('transport_event', (event: TransportEvent) => this.handle(event as unknown as Raw));
    session.on('history_updated', (history) => this.#deps.onHistory(history));
  }

  /** One server event (exposed for tests). */
  handle(e: Raw): void {
    const { tracker, driver, now } = this.#deps;
    switch (e.type) {
      case 'input_audio_buffer.speech_started': {
        const id = str(e.item_id);
        if (id) tracker.speechStarted(id, now(), num(e.audio_start_ms));
        if (id) this.#deps.onSpeech?.({ type: 'started', itemId: id });
        return;
      }
      case 'input_audio_buffer.speech_stopped': {
        const id = str(e.item_id);
        if (id) tracker.speechStopped(id, now(), num(e.audio_end_ms));
        if (id) this.#turnsAtEnd.set(id, this.#deps.clientTurns());
        if (id) this.#deps.onSpeech?.({ type: 'stopped', itemId: id });
        return;
      }
      case 'conversation.item.input_audio_transcription.completed': {
        const text = str(e.transcript)?.trim();
        const itemId = str(e.item_id);
        if (itemId) this.#deps.onSpeech?.({ type: 'transcribed', itemId, text: text ?? '' });
        const turns = (itemId ? this.#turnsAtEnd.get(itemId) : undefined) ?? this.#deps.clientTurns();
        if (itemId) this.#turnsAtEnd.delete(itemId);
        if (!text) return;
        const fired = driver.userTurn(text, turns, { typed: false });
        if (!fired) return;
        for (const responseId of this.#itemsOf.keys()) if (driver.isSuperseded(responseId)) this.#hide(responseId);
        this.#deps.onEscalation(fired);
        return;
      }
      case 'response.created': {
        const response = e.response as { id?: unknown; metadata?: unknown } | undefined;
        const id = str(response?.id);
        if (!id) return;
        driver.responseCreated(id, response?.metadata);
        if (driver.isSuperseded(id)) this.#hide(id);
        return;
      }
      case 'response.output_item.added': {
        const responseId = str(e.response_id);
        const item = e.item as { id?: unknown; type?: unknown } | undefined;
        const itemId = str(item?.id);
        if (!responseId || !itemId) return;
        this.#itemsOf.set(responseId, [...(this.#itemsOf.get(responseId) ?? []), itemId]);
        if (item?.type === 'message') tracker.clientItemAdded(itemId, now());
        if (driver.isSuperseded(responseId)) this.#deps.onHidden([itemId]);
        return;
      }
      case 'response.output_audio.delta': {
        const itemId = str(e.item_id);
        const delta = str(e.delta);
        if (itemId && delta) tracker.clientAudio(itemId, pcm16Base64Ms(delta));
        return;
      }
      case 'conversation.item.truncated': {
        const itemId = str(e.item_id);
        const end = num(e.audio_end_ms);
        if (itemId && end !== undefined) tracker.clientItemTruncated(itemId, end);
        return;
      }
      case 'response.output_item.done': {
        const itemId = str((e.item as { id?: unknown } | undefined)?.id);
        if (itemId) tracker.clientItemDone(itemId, now());
        return;
      }
      case 'response.done': {
        const id = str((e.response as { id?: unknown } | undefined)?.id);
        if (id) {
          driver.responseDone(id);
          if (driver.isSuperseded(id)) this.#hide(id);
          this.#itemsOf.delete(id);
        }
        return;
      }
      case 'error': {
        const code = str((e.error as { code?: unknown } | undefined)?.code);
        if (code === 'conversation_already_has_active_response') driver.responseRefused();
        return;
      }
      default:
        return;
    }
  }

  #hide(responseId: string): void {
    const items = this.#itemsOf.get(responseId);
    if (items && items.length > 0) this.#deps.onHidden(items);
  }
}
