'use client';

import { useMemo, useState } from 'react';
import { saveCustomScenario } from '@/app/actions/practice';
import { VOICES } from '@/lib/contracts/agent-config';
import type { FieldError } from '@/lib/contracts/action-result';
import { draftToInput, placeErrors, type ScenarioDraft } from '@/lib/practice/scenarios/scenario-draft';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import { DIFFICULTIES, parseScenario, SIGNAL_TOKENS, type ScenarioEntry } from '@/lib/contracts/scenario';
import { FieldErrors, Section, SelectField, TextField } from './form-controls';
import { ContractRows, CriterionRows, MetricRows, ObjectionRows, type Edit } from './form-tables';

type Props = {
  mode: 'create' | 'update';
  initial: ScenarioDraft;
  onSaved: (entry: ScenarioEntry) => void;
  onCancel: () => void;
};

/** Create or edit a custom scenario. Every field is checked against the one scenario schema; nothing is saved while any fails. */
export function ScenarioForm({ mode, initial, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const slots = useMemo(() => placeErrors(errors, draft), [errors, draft]);
  const edit: Edit = (fn) =>
    setDraft((prev) => {
      const next = structuredClone(prev);
      fn(next);
      return next;
    });
  const text = (id: string, label: string, get: (d: ScenarioDraft) => string, set: (d: ScenarioDraft, v: string) => void, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={id} label={label} value={get(draft)} onChange={(v) => edit((d) => set(d, v))} errors={slots.get(id)} {...extra} />
  );

  const save = async () => {
    setMessage(null);
    const input = draftToInput(draft);
    const local = parseScenario(input);
    if (!local.ok) {
      setErrors(local.errors);
      setMessage(`${local.errors.length} ${local.errors.length === 1 ? 'field needs' : 'fields need'} attention. Nothing was saved.`);
      return;
    }
    setSaving(true);
    try {
      const result = await saveCustomScenario({ mode, scenario: input });
      if (!result.ok) {
        setErrors(result.error.fieldErrors ?? []);
        setMessage(`${result.error.message}${result.error.fieldErrors ? '' : ' Nothing was saved.'}`);
        return;
      }
      setErrors([]);
      onSaved(result.data);
    } catch {
      setMessage('The Cue server could not be reached. Nothing was saved; try again.');
    } finally {
      setSaving(false);
    }
  };

  const general = [...(slots.get('general') ?? []), ...(slots.get('facts') ?? [])];

  return (
    <form
      data-testid="scenario-form"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-ink">{mode === 'create' ? 'New scenario' : `Edit “${initial.title}”`}</h2>
        <div className="flex gap-2">
          <button type="button" onClick={onCancel} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
            Cancel
          </button>
          <button type="submit" data-testid="save-scenario" disabled={saving} className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60">
            {saving ? 'Saving…' : 'Save scenario'}
          </button>
        </div>
      </div>
      {message ? (
        <div role="alert" data-testid="form-message" className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {message}
          <FieldErrors errors={general} />
        </div>
      ) : null}

      <Section title="Basics">
        <div className="grid gap-3 md:grid-cols-2">
          {text('id', 'Id', (d) => d.id, (d, v) => void (d.id = v), { readOnly: mode === 'update', hint: mode === 'update' ? 'The id cannot change; duplicate to make a copy.' : 'lowercase-with-dashes, used in file names and links' })}
          {text('title', 'Title', (d) => d.title, (d, v) => void (d.title = v))}
        </div>
        {text('summary', 'Summary (what the situation is)', (d) => d.summary, (d, v) => void (d.summary = v), { multiline: 3 })}
        {text('userRole', 'Who the user plays', (d) => d.userRole, (d, v) => void (d.userRole = v))}
        <div className="grid gap-3 md:grid-cols-2">
          {text('timeLimitMinutes', 'Time limit (minutes, 2-60)', (d) => d.timeLimitMinutes, (d, v) => void (d.timeLimitMinutes = v))}
          <SelectField
            id="defaultDifficulty"
            label="Default difficulty"
            value={draft.defaultDifficulty}
            onChange={(v) => edit((d) => void (d.defaultDifficulty = v as ScenarioDraft['defaultDifficulty']))}
            options={DIFFICULTIES.map((x) => ({ value: x, label: DIFFICULTY_PROFILES[x].label }))}
            errors={slots.get('defaultDifficulty')}
          />
        </div>
      </Section>

      <Section title="The client (persona)">
        <div className="grid gap-3 md:grid-cols-2">
          {text('persona.name', 'Name', (d) => d.persona.name, (d, v) => void (d.persona.name = v))}
          <SelectField id="persona.voice" label="Voice" value={draft.persona.voice} onChange={(v) => edit((d) => void (d.persona.voice = v))} options={VOICES.map((v) => ({ value: v, label: v }))} errors={slots.get('persona.voice')} />
        </div>
        {text('persona.role', 'Role', (d) => d.persona.role, (d, v) => void (d.persona.role = v))}
        {text('persona.style', 'Style', (d) => d.persona.style, (d, v) => void (d.persona.style = v), { multiline: 2 })}
        {text('persona.voiceInstructions', 'Voice instructions', (d) => d.persona.voiceInstructions, (d, v) => void (d.persona.voiceInstructions = v), { multiline: 2 })}
        {text('openingLine', 'Opening line (the client speaks first)', (d) => d.openingLine, (d, v) => void (d.openingLine = v), { multiline: 2 })}
      </Section>

      <Section title="Facts the client knows" description="Every metric with a current value needs a target.">
        {text('facts.phase', 'Phase', (d) => d.facts.phase, (d, v) => void (d.facts.phase = v))}
        <MetricRows draft={draft} edit={edit} slots={slots} />
        <ContractRows draft={draft} edit={edit} slots={slots} />
        <TextField id="facts.other" label="Other facts (one per line)" multiline={3} value={draft.facts.other} onChange={(v) => edit((d) => void (d.facts.other = v))} errors={slots.get('facts.other')} />
      </Section>

      <Section title="Pressure">
        <TextField id="hotButtons" label="Hot buttons (one per line)" multiline={3} value={draft.hotButtons} onChange={(v) => edit((d) => void (d.hotButtons = v))} errors={slots.get('hotButtons')} />
        <div>
          <p className="text-sm font-medium text-slate-700">Objection bank (at least 3)</p>
          <div className="mt-1">
            <ObjectionRows draft={draft} edit={edit} slots={slots} />
          </div>
        </div>
        <TextField
          id="escalation.triggerPhrases"
          label="Escalation trigger phrases (one per line)"
          multiline={3}
          value={draft.escalation.triggerPhrases}
          onChange={(v) => edit((d) => void (d.escalation.triggerPhrases = v))}
          errors={slots.get('escalation.triggerPhrases')}
          hint="When you say one of these, the client escalates with the line below."
        />
        {text('escalation.response', 'What the client says when escalating', (d) => d.escalation.response, (d, v) => void (d.escalation.response = v), { multiline: 2 })}
      </Section>

      <Section title="Success criteria" description={`Signals: words or phrases, or ${SIGNAL_TOKENS.join(' ')}; alternatives separated by |. One per line.`}>
        <CriterionRows draft={draft} edit={edit} slots={slots} />
      </Section>

      <Section title="Difficulty notes (optional)" description="Extra behaviour for this scenario at each level, on top of the built-in difficulty profile.">
        {DIFFICULTIES.map((level) => (
          <TextField
            key={level}
            id={`difficultyNotes.${level}`}
            label={DIFFICULTY_PROFILES[level].label}
            value={draft.difficultyNotes[level]}
            onChange={(v) => edit((d) => void (d.difficultyNotes[level] = v))}
            errors={slots.get(`difficultyNotes.${level}`)}
          />
        ))}
      </Section>
    </form>
  );
}
