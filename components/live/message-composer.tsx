'use client';

import { SendTextForm } from '@/components/send-text-form';
import { useSettingsStore } from '@/components/settings/settings-store-provider';
import { useHintSession } from '@/lib/live/live-context';
import type { Backend } from '@/lib/realtime/store/types';
import { useRealtimeController, useRealtimeStore } from '@/lib/realtime/store/use-realtime-store';

/** `hears`: speech is transcribed (OpenAI, or the local engine with offline recognition). */
type Props = { backend: Backend; hintAgent: boolean; hears: boolean };

/**
 * Type into the live conversation. With the hint assistant a typed line is part of the
 * meeting: added as context (no reply) and matched for trigger and interrupt phrases like
 * speech. With another agent it is a message the agent answers.
 */
export function MessageComposer({ backend, hintAgent, hears }: Props) {
  const controller = useRealtimeController();
  const hints = useHintSession();
  const connected = useRealtimeStore((s) => s.connection === 'connected');
  const trigger = useSettingsStore((s) => s.settings.triggers[0]?.phrase);
  const interrupt = useSettingsStore((s) => s.settings.interruptPhrases[0]);
  const placeholder = !connected
    ? hintAgent
      ? 'Connect to add meeting lines'
      : 'Connect to send messages'
    : hintAgent
      ? 'Type a meeting line and press Enter (Cue stays silent)'
      : 'Type a message and press Enter';
  const examples = [trigger, interrupt].filter(Boolean).map((p) => `“${p}”`);

  return (
    <div className="border-t border-slate-200">
      {hintAgent && backend === 'local' ? (
        <p data-testid="offline-note" className="bg-amber-50 px-3 pt-2 text-xs leading-5 text-amber-900">
          {hears
            ? 'Local engine: offline speech recognition hears the microphone; you can also type meeting lines to try trigger and interrupt phrases'
            : 'Local engine: speech is not transcribed (speech recognition is not installed); type meeting lines to try trigger and interrupt phrases'}
          {examples.length ? ` (e.g. ${examples.join(', then ')})` : ''}.
        </p>
      ) : null}
      <SendTextForm
        id="live-message"
        label={hintAgent ? 'Meeting line' : 'Message'}
        placeholder={placeholder}
        disabled={!connected}
        onSend={(text) => (hintAgent ? hints.addTypedLine(text) : controller.sendText(text))}
        className={`flex gap-2 p-3 ${hintAgent && backend === 'local' ? 'bg-amber-50' : ''}`}
      />
    </div>
  );
}
