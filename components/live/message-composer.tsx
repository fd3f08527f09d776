'use client';

import { useState, type FormEvent } from 'react';
import { useRealtimeController, useRealtimeStore } from '@/lib/realtime/use-realtime-store';

/** Type a message into the live conversation (the assistant replies as if it were spoken). */
export function MessageComposer() {
  const controller = useRealtimeController();
  const connected = useRealtimeStore((s) => s.connection === 'connected');
  const [text, setText] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (controller.sendText(text)) setText('');
  };

  return (
    <form onSubmit={submit} className="flex gap-2 border-t border-slate-200 p-3">
      <label htmlFor="live-message" className="sr-only">
        Message
      </label>
      <input
        id="live-message"
        data-testid="message-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={connected ? 'Type a message and press Enter' : 'Connect to send messages'}
        autoComplete="off"
        className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-cue focus:outline-none focus:ring-2 focus:ring-cue/20"
      />
      <button
        type="submit"
        data-testid="send-button"
        disabled={!connected || text.trim() === ''}
        className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-40"
      >
        Send
      </button>
    </form>
  );
}
