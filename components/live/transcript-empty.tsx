'use client';

import type { Backend, ConnectionState } from '@/lib/realtime/store/types';
import { useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';

/** What the empty transcript says: what to do next, in the state the call is in. */
function emptyText(connection: ConnectionState, backend: Backend, hintAgent: boolean, hears: boolean): string {
  if (connection === 'connecting') return 'Connecting…';
  if (connection === 'disconnected') {
    return hintAgent
      ? 'Connect, then talk. What is said appears here; ask for a hint with a trigger phrase, the buttons, H or G.'
      : 'Connect, then talk or type. The conversation appears here.';
  }
  if (!hintAgent) return 'Connected. Talk or type a message; the conversation appears here.';
  return backend === 'local' && !hears
    ? 'Listening. The local engine does not transcribe speech: type meeting lines below. A trigger phrase fires a hint, an interrupt phrase stops it.'
    : 'Listening. What is said in the meeting appears here; ask for a hint with a trigger phrase, the buttons, H or G.';
}

/** The empty transcript's line (also shown while the transcript view loads). */
export function TranscriptEmpty({ backend, hintAgent, hears }: { backend: Backend; hintAgent: boolean; hears: boolean }) {
  const connection = useRealtimeStore((s) => s.connection);
  return (
    <p data-testid="transcript-empty" className="py-12 text-center text-sm text-slate-500">
      {emptyText(connection, backend, hintAgent, hears)}
    </p>
  );
}
