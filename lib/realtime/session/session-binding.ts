import type { RealtimeItem, RealtimeSession, RealtimeTransportLayer, TransportEvent } from '@openai/agents-realtime';
import type { AudioOutput } from '../audio/audio-player';
import { describeSessionError } from './errors';
import { parseOutgoingFrame, redactEvent } from '../store/event-log';
import { transcriptDeltaOf, webrtcPlaybackOf } from './event-mapping';
import type { OutOfBandTracker } from './out-of-band';
import type { RealtimeStore } from '../store/store';
import type { TransportKind } from '../store/types';
import { attachWireTap } from './wire-tap';

/** Server error codes that mean "this session is over, start another" rather than a failure to show. */
const SESSION_ENDED_CODES: ReadonlySet<string> = new Set(['session_expired', 'session_expiration']);

export type BindingHooks = {
  store: RealtimeStore;
  kind: TransportKind;
  player: AudioOutput;
  oob: OutOfBandTracker;
  /** False once the controller moved on (disconnect, failure, a newer connect): late events are ignored. */
  isCurrent: () => boolean;
  /** Every server event, before the store sees it (the hint session: latency first). */
  onServerEvent: (event: TransportEvent) => void;
  /** The transport dropped after it had been up. */
  onLost: () => void;
  /** The service ended the session (maximum duration reached): reconnect, do not alarm. */
  onSessionEnded: () => void;
  /** WebRTC output stopped or was cleared: the interrupt mute can be lifted. */
  onOutputStopped: () => void;
  /** True while a restoring reconnect waits for its replayed items (a partial history must not wipe the screen). */
  holdHistory: (history: readonly RealtimeItem[]) => boolean;
  /** Whether the transport had reached `connected` (a drop before that is a connect failure, not a loss). */
  wasUp: () => boolean;
};

type ErrorEvent = { type?: unknown; error?: { code?: unknown; message?: unknown } };

/**
 * Route one session's events into the hint session, the store and the player. Returns a
 * function that detaches the wire tap (session listeners die with the session).
 */
export function bindSession(session: RealtimeSession, transport: RealtimeTransportLayer, hooks: BindingHooks): () => void {
  const { store, kind, player, isCurrent, oob } = hooks;
  const actions = () => store.getState().actions;

  const detachTap = attachWireTap(transport, (frame) => {
    if (!isCurrent()) return;
    const parsed = parseOutgoingFrame(frame);
    if (parsed) actions().logEvent({ at: Date.now(), direction: 'client', ...parsed });
  });

  transport.on('connection_change', (status) => {
    if (isCurrent() && status === 'disconnected' && hooks.wasUp()) hooks.onLost();
  });

  session.on('transport_event', (event) => {
    if (!isCurrent()) return;
    oob.observe(event);
    hooks.onServerEvent(event);
    if (!isCurrent()) return;
    const a = actions();
    a.ingestServerEvent(
      { at: Date.now(), direction: 'server', type: event.type, payload: redactEvent(event as Record<string, unknown>) },
      transcriptDeltaOf(event),
    );
    if (kind === 'webrtc') {
      const playback = webrtcPlaybackOf(event);
      if (playback) a.setPlaying(playback === 'started');
      if (playback === 'stopped') hooks.onOutputStopped();
    }
  });

  session.on('history_updated', (history) => {
    if (!isCurrent()) return;
    if (hooks.holdHistory(history)) return;
    actions().applyHistory(history);
  });

  session.on('audio', (event) => {
    if (isCurrent() && kind === 'websocket') player.enqueue(event.data, event.responseId);
  });

  session.on('audio_interrupted', () => {
    if (isCurrent()) player.flush();
  });

  session.on('error', ({ error }) => {
    if (!isCurrent()) return;
    const inner = (error as ErrorEvent | null)?.type === 'error' ? (error as ErrorEvent).error : undefined;
    // Truncating an out-of-band hint after an interrupt: expected, not a failure.
    if (oob.isBenignItemError(inner)) return;
    if (typeof inner?.code === 'string' && SESSION_ENDED_CODES.has(inner.code)) {
      hooks.onSessionEnded();
      return;
    }
    const described = describeSessionError(error, store.getState().backend);
    if (described) actions().setError(described);
  });

  return detachTap;
}
