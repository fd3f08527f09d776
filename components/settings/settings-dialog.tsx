'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { SETTING_APPLIES } from '@/lib/live/settings/live-apply';
import type { HintSettingsKey } from '@/lib/live/settings/schema';
import { secondaryButton } from './phrase-list-field';
import { SettingsFileActions } from './settings-file-actions';
import { ConnectionSection, LengthSection, LimitsSection, PhrasesSection, Section } from './settings-form-sections';
import { useSettingsForm } from './use-settings-form';

export type SettingsDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /**
   * The button that opened the dialog, focused again when it closes. (Radix does this only
   * for a Dialog.Trigger; the Settings button lives in another component.)
   */
  returnFocusRef?: RefObject<HTMLElement | null>;
  /** A session is connected: say which changes wait for the next connection. */
  liveSessionActive?: boolean;
  /** Where sessions run: the local engine always uses WebSocket, whatever the transport setting. */
  backend?: 'local' | 'openai';
};

/** The live assistant's settings panel. Reads and writes the settings store; Save validates with THE schema. */
export function SettingsDialog({ open, onOpenChange, returnFocusRef, liveSessionActive = false, backend }: SettingsDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          data-testid="settings-dialog"
          onCloseAutoFocus={(event) => {
            const target = returnFocusRef?.current;
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 flex max-h-[92vh] w-[min(48rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col rounded-xl bg-white shadow-xl focus:outline-none"
        >
          {/* Mounted only while open: every opening starts from the saved settings. */}
          <SettingsForm onClose={() => onOpenChange(false)} liveSessionActive={liveSessionActive} backend={backend} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function SettingsForm({ onClose, liveSessionActive, backend }: { onClose: () => void; liveSessionActive: boolean; backend?: 'local' | 'openai' }) {
  const form = useSettingsForm();
  const { draft, set, errorFor } = form;
  const [status, setStatus] = useState('');
  const [focusRequest, setFocusRequest] = useState(0);
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const first = focusRequest > 0 ? bodyRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    if (!first) return;
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'center' });
  }, [focusRequest]);

  const sectionProps = { draft, set, errorFor };
  const draftValue = (key: HintSettingsKey): unknown => (key in draft ? draft[key as keyof typeof draft] : undefined);
  /** While connected, a changed voice/model/transport/input source waits for the next connection. */
  const reconnectNote = (key: HintSettingsKey): string | undefined => {
    if (backend === 'local') {
      if (key === 'transport') return 'The local engine always uses WebSocket; this applies with OpenAI.';
      if (key === 'voice') return 'On the local engine, a female or male offline voice for it; this exact voice applies with OpenAI.';
      if (key === 'model') return 'No effect on the local engine (scripted, no AI); this applies with OpenAI.';
    }
    if (liveSessionActive && SETTING_APPLIES[key] === 'reconnect' && String(draftValue(key)) !== String(form.saved[key])) return 'Applies when you reconnect.';
    return undefined;
  };

  function onSave() {
    const result = form.save();
    if (result.ok) {
      onClose();
      return;
    }
    setStatus('');
    setFocusRequest((n) => n + 1);
  }

  const showSummary = form.submitted && form.errorCount > 0;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      className="flex min-h-0 flex-1 flex-col"
    >
      <header className="border-b border-slate-200 px-6 py-4">
        <Dialog.Title className="text-lg font-semibold text-ink">Live assistant settings</Dialog.Title>
        <Dialog.Description className="mt-1 text-sm text-slate-600">
          {liveSessionActive
            ? 'Phrases, lengths, context, cooldown and cap apply to the running session as soon as you save.'
            : 'Saved in this browser and used for your next session.'}
        </Dialog.Description>
      </header>

      <div ref={bodyRef} className="min-h-0 flex-1 space-y-5 overflow-y-auto px-6 py-4">
        <PhrasesSection {...sectionProps} />
        <LengthSection {...sectionProps} />
        <LimitsSection {...sectionProps} />
        <ConnectionSection {...sectionProps} noteFor={reconnectNote} />

        <Section title="Settings file">
          <SettingsFileActions
            dirty={form.dirty}
            onApplied={(settings, message) => {
              form.load(settings);
              setStatus(message);
            }}
          />
        </Section>
      </div>

      <footer className="flex items-center justify-between gap-3 border-t border-slate-200 px-6 py-3">
        {/* In the footer, so it stays in view while the body scrolls to the first invalid field. */}
        {showSummary ? (
          <p role="alert" data-testid="settings-error-summary" className="rounded-md bg-rose-50 px-3 py-1.5 text-sm font-medium text-rose-800">
            Nothing was saved: fix the {form.errorCount === 1 ? 'field' : `${form.errorCount} fields`} marked in red.
          </p>
        ) : (
          <p role="status" data-testid="settings-status" className="text-sm text-emerald-700">
            {status}
          </p>
        )}
        <div className="flex gap-2">
          <Dialog.Close asChild>
            <button type="button" data-testid="settings-cancel" className={secondaryButton}>
              Cancel
            </button>
          </Dialog.Close>
          <button type="submit" data-testid="settings-save" className="rounded-md bg-cue px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 focus:outline-none focus:ring-2 focus:ring-cue/40">
            Save
          </button>
        </div>
      </footer>
    </form>
  );
}
