'use client';

import type { ReactNode } from 'react';
import { VOICES } from '@/lib/contracts/agent-config';
import { MODELS, deprecationNotice } from '@/lib/contracts/models';
import type { SettingsDraft } from '@/lib/live/settings/form-draft';
import { SETTINGS_LIMITS, type HintSettingsKey } from '@/lib/live/settings/schema';
import { NumberField, SelectField } from './form-fields';
import { PhraseListField } from './phrase-list-field';
import { TriggerListField } from './trigger-list-field';

export type SectionProps = {
  draft: SettingsDraft;
  set: <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => void;
  errorFor: (path: string, value?: string) => string | undefined;
};

const VOICE_OPTIONS = VOICES.map((v) => ({ value: v, label: v.charAt(0).toUpperCase() + v.slice(1) }));
/** Current models first; a deprecated one says when OpenAI shuts it down. */
const MODEL_OPTIONS = MODELS.filter((m) => m.kind === 'realtime').map((m) => ({
  value: m.id,
  label: m.status === 'deprecated' ? `${m.label} (deprecated: ${m.shutdown})` : m.label,
}));
const TRANSPORT_OPTIONS = [
  { value: 'webrtc', label: 'WebRTC (browser audio, lowest latency)' },
  { value: 'websocket', label: 'WebSocket (app plays the audio)' },
];
const INPUT_OPTIONS = [
  { value: 'microphone', label: 'Microphone' },
  { value: 'microphone+tab', label: 'Microphone + meeting tab audio' },
];

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

export function PhrasesSection({ draft, set, errorFor }: SectionProps) {
  return (
    <Section title="When to give a hint">
      <TriggerListField items={draft.triggers} onChange={(v) => set('triggers', v)} errorFor={errorFor} />
      <PhraseListField
        path="doNotTrigger"
        legend="Do-not-trigger phrases"
        description='Block a trigger phrase they contain, e.g. "not a good question" keeps "good question" from firing.'
        items={draft.doNotTrigger}
        onChange={(v) => set('doNotTrigger', v)}
        errorFor={errorFor}
        rowPrefix="dnt-phrase"
        addTestId="add-dnt"
        itemLabel="Do-not-trigger phrase"
        addLabel="Add do-not-trigger phrase"
        max={SETTINGS_LIMITS.doNotTrigger}
        placeholder="e.g. not a good question"
      />
      <PhraseListField
        path="interruptPhrases"
        legend="Interrupt phrases"
        description="Said while a hint is playing, they stop it at once (so do the Interrupt button and Esc)."
        items={draft.interruptPhrases}
        onChange={(v) => set('interruptPhrases', v)}
        errorFor={errorFor}
        rowPrefix="interrupt-phrase"
        addTestId="add-interrupt"
        itemLabel="Interrupt phrase"
        addLabel="Add interrupt phrase"
        max={SETTINGS_LIMITS.interruptPhrases}
        placeholder="e.g. got it"
      />
    </Section>
  );
}

export function LengthSection({ draft, set, errorFor }: SectionProps) {
  const field = (id: string, key: 'quickSeconds' | 'fullSeconds' | 'quickContextSize' | 'fullContextSize') => ({
    id,
    path: key,
    value: draft[key],
    onChange: (v: string) => set(key, v),
    error: errorFor(key),
  });
  return (
    <Section title="Hint length and context">
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField {...field('quick-seconds', 'quickSeconds')} label="Quick hint: speak for at most" unit="seconds" {...SETTINGS_LIMITS.quickSeconds} />
        <NumberField {...field('full-seconds', 'fullSeconds')} label="Full guidance: speak for at most" unit="seconds" {...SETTINGS_LIMITS.fullSeconds} />
        <NumberField {...field('quick-context', 'quickContextSize')} label="Quick hint: context" unit="last messages" {...SETTINGS_LIMITS.contextSize} />
        <NumberField
          {...field('full-context', 'fullContextSize')}
          label="Full guidance: context"
          unit="last messages"
          {...SETTINGS_LIMITS.contextSize}
          hint="Only these messages are sent with a hint, so its cost does not grow with the meeting."
        />
      </div>
    </Section>
  );
}

export function LimitsSection({ draft, set, errorFor }: SectionProps) {
  return (
    <Section title="Limits">
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField
          id="cooldown-seconds"
          path="cooldownSeconds"
          label="Cooldown between phrase-triggered hints"
          unit="seconds"
          value={draft.cooldownSeconds}
          onChange={(v) => set('cooldownSeconds', v)}
          error={errorFor('cooldownSeconds')}
          {...SETTINGS_LIMITS.cooldownSeconds}
          hint="Buttons and shortcuts ignore the cooldown."
        />
        <NumberField
          id="per-call-cap"
          path="perCallCap"
          label="Hints per call"
          value={draft.perCallCap}
          onChange={(v) => set('perCallCap', v)}
          error={errorFor('perCallCap')}
          {...SETTINGS_LIMITS.perCallCap}
          hint="0 = unlimited. Phrases, buttons and shortcuts all count."
        />
      </div>
    </Section>
  );
}

export function ConnectionSection({ draft, set, errorFor, noteFor }: SectionProps & { noteFor: (key: HintSettingsKey) => string | undefined }) {
  const field = (id: string, key: 'voice' | 'model' | 'transport' | 'inputSource') => ({
    id,
    path: key,
    value: draft[key],
    onChange: (v: string) => set(key, v),
    error: errorFor(key),
    note: noteFor(key),
  });
  const modelNote = [deprecationNotice(draft.model), noteFor('model')].filter(Boolean).join(' ') || undefined;
  return (
    <Section title="Voice and connection">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField {...field('voice', 'voice')} label="Voice" options={VOICE_OPTIONS} />
        <SelectField {...field('model', 'model')} label="Model" options={MODEL_OPTIONS} note={modelNote} />
        <SelectField {...field('transport', 'transport')} label="Transport" options={TRANSPORT_OPTIONS} />
        <SelectField {...field('input-source', 'inputSource')} label="Input source" options={INPUT_OPTIONS} />
      </div>
      <TracingField checked={draft.tracing} onChange={(v) => set('tracing', v)} note={noteFor('tracing')} />
    </Section>
  );
}

/** OpenAI tracing: off by default; on, the meeting's audio and text are stored in the key's traces dashboard. */
function TracingField({ checked, onChange, note }: { checked: boolean; onChange: (checked: boolean) => void; note?: string }) {
  return (
    <div>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          data-testid="tracing"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby="tracing-hint"
          className="mt-0.5 h-4 w-4 accent-cue"
        />
        <span className="font-medium">Send sessions to OpenAI tracing</span>
      </label>
      <p id="tracing-hint" className="mt-1 pl-6 text-xs text-slate-500">
        Off by default. When on, the meeting&rsquo;s audio and transcripts are stored in the Traces dashboard of the API key&rsquo;s OpenAI project, for debugging.
      </p>
      {note ? <p className="mt-1 pl-6 text-xs text-amber-700">{note}</p> : null}
    </div>
  );
}
