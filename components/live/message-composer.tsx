'use client';

import { SendTextForm } from '@/components/send-text-form';
import { useRealtimeController, useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';

/** Type a message into the live conversation (the assistant replies as if it were spoken). */
export function MessageComposer() {
  const controller = useRealtimeController();
  const connected = useRealtimeStore((s) => s.connection === 'connected');
  return (
    <SendTextForm
      id="live-message"
      label="Message"
      placeholder={connected ? 'Type a message and press Enter' : 'Connect to send messages'}
      disabled={!connected}
      onSend={(text) => controller.sendText(text)}
      className="flex gap-2 border-t border-slate-200 p-3"
    />
  );
}
