import type { RealtimeTransportLayer } from '@openai/agents-realtime';

/**
 * The SDK emits every server event (`transport_event`) but no event for what the client
 * sends, and it sends some frames (queued `response.create`, `response.cancel`) through
 * private paths that bypass `sendEvent`. The only complete view is the socket itself: when
 * the transport reports `connecting`, wrap `send` on its WebSocket or WebRTC data channel.
 */

type Sendable = { send: (data: never) => void };
type WithConnectionState = { connectionState?: { websocket?: unknown; dataChannel?: unknown } };

const TAPPED = Symbol.for('cue.wireTap');

function wrapSend(target: Sendable, onFrame: (data: unknown) => void): void {
  const marked = target as Sendable & { [TAPPED]?: boolean };
  if (marked[TAPPED]) return;
  const original = target.send;
  marked[TAPPED] = true;
  target.send = function tappedSend(this: unknown, data: never) {
    original.call(this ?? target, data);
    try {
      onFrame(data);
    } catch {
      // Logging must never break the connection.
    }
  } as Sendable['send'];
}

function channelOf(transport: RealtimeTransportLayer): Sendable | null {
  const state = (transport as unknown as WithConnectionState).connectionState;
  const channel = state?.websocket ?? state?.dataChannel;
  return channel && typeof (channel as Sendable).send === 'function' ? (channel as Sendable) : null;
}

/** Call `onFrame` with every frame the transport puts on the wire. Returns a detach function. */
export function attachWireTap(transport: RealtimeTransportLayer, onFrame: (data: unknown) => void): () => void {
  let attached = true;
  const listener = (status: string) => {
    if (!attached || status === 'disconnected') return;
    const channel = channelOf(transport);
    if (channel) wrapSend(channel, (data) => attached && onFrame(data));
  };
  transport.on('connection_change', listener);
  return () => {
    attached = false;
    transport.off('connection_change', listener);
  };
}
