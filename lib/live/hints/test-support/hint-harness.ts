import type { RealtimeItem, TransportEvent } from '@openai/agents-realtime';
import { createRealtimeStore } from '@/lib/realtime/store/store';
import { cloneDefaultSettings, type HintSettings } from '@/lib/live/settings/schema';
import { HintSession, type HintHost } from '../hint-session';
import { createHintStore } from '../hint-store';

/** A HintSession on a fake host and a real store, for unit tests. */

type Listener<T> = (v: T) => void;

function makeHost() {
  const server = new Set<Listener<TransportEvent>>();
  const starts = new Set<Listener<{ resumed: boolean }>>();
  const ends = new Set<Listener<{ reason: 'lost' | 'ended' }>>();
  const sent: Record<string, unknown>[] = [];
  /** Typed lines the session sent, with their options. */
  const texts: { text: string; triggerResponse: boolean }[] = [];
  const calls: string[] = [];
  const state = { accept: true };
  const host: HintHost = {
    requestResponse(response) {
      calls.push('requestResponse');
      sent.push(response);
      return state.accept;
    },
    sendText(text, { triggerResponse }) {
      calls.push('sendText');
      texts.push({ text, triggerResponse });
      return state.accept;
    },
    interrupt(responseId) {
      calls.push(responseId ? `interrupt ${responseId}` : 'interrupt');
    },
    onServerEvent: (l) => (server.add(l), () => server.delete(l)),
    onSessionStart: (l) => (starts.add(l), () => starts.delete(l)),
    onSessionEnd: (l) => (ends.add(l), () => ends.delete(l)),
  };
  const emit = (event: Record<string, unknown>) => server.forEach((l) => l(event as unknown as TransportEvent));
  return {
    host,
    sent,
    texts,
    calls,
    state,
    emit,
    start: (resumed: boolean) => starts.forEach((l) => l({ resumed })),
    end: (reason: 'lost' | 'ended') => ends.forEach((l) => l({ reason })),
    /** An utterance streamed word by word, then completed. */
    say(itemId: string, text: string, complete = true) {
      text.split(' ').forEach((w, i) => emit({ type: 'conversation.item.input_audio_transcription.delta', item_id: itemId, delta: i === 0 ? w : ` ${w}` }));
      if (complete) emit({ type: 'conversation.item.input_audio_transcription.completed', item_id: itemId, transcript: text });
    },
  };
}

export const user = (id: string, transcript: string | null): RealtimeItem => ({ itemId: id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_audio', transcript }] });

export function setup(patch: Partial<HintSettings> = {}, agentId = 'hint-assistant') {
  const h = makeHost();
  let now = 1_000_000;
  const store = createRealtimeStore({ initial: { connection: 'connected', agentId }, now: () => now });
  const hintStore = createHintStore();
  const session = new HintSession({ host: h.host, store, hintStore, settings: { ...cloneDefaultSettings(), ...patch }, now: () => now });
  session.attach();
  const advance = (ms: number) => (now += ms);
  /** The service answering the last request: created, item added, (audio), done. */
  const answer = (opts: { responseId?: string; itemId?: string; status?: string; playing?: boolean } = {}) => {
    const req = h.sent.at(-1) as { metadata: Record<string, string> };
    const id = opts.responseId ?? `resp_${h.sent.length}`;
    h.emit({ type: 'response.created', response: { id, conversation_id: null, metadata: req.metadata } });
    h.emit({ type: 'response.output_item.added', response_id: id, item: { id: opts.itemId ?? `item_${id}`, type: 'message' } });
    if (opts.playing) store.getState().actions.setPlaying(true);
    return {
      done: (status = opts.status ?? 'completed') => h.emit({ type: 'response.done', response: { id, status, metadata: req.metadata } }),
    };
  };
  /** What the page's transcript shows (the hint context comes from it). */
  const meeting = (items: RealtimeItem[]) => store.getState().actions.applyHistory(items);
  return { ...h, store, hintStore, session, advance, answer, meeting };
}
