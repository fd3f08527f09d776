'use client';

import { useMemo, useState } from 'react';
import { saveCustomScenario } from '@/app/actions/practice';
import { VOICES } from '@/lib/contracts/agent-config';
import type { FieldError } from '@/lib/contracts/action-result';
import { draftToInput, idFromTitle, placeErrors, type ScenarioDraft } from '@/lib/practice/scenarios/scenario-draft';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import { DIFFICULTIES, parseScenario, type ScenarioEntry } from '@/lib/contracts/scenario';
import { SIGNAL_TOKENS } from '@/lib/contracts/signal-tokens';
import { FieldErrors, Section, SelectField, TextField } from './form-controls';
import { ContractRows, CriterionRows, MetricRows, ObjectionRows, type Edit } from './form-tables';

type Props = {
  mode: 'create' | 'update';
  initial: ScenarioDraft;
  onSaved: (entry: ScenarioEntry) => void;
  onCancel: () => void;
};

/** After a refused save, take the user to the first field with an error (the form is long). */
function focusFirstInvalid() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="scenario-form"] [aria-invalid="true"]')?.focus());
}

/** Create or edit a custom scenario. Every field is checked against the one scenario schema; nothing is saved while any fails. */
export function ScenarioForm({ mode, initial, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A new scenario's id follows its title until the user types an id of their own.
  const [idEdited, setIdEdited] = useState(mode === 'update' || initial.id.trim() !== '');
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
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      const result = await saveCustomScenario({ mode, scenario: input });
      if (!result.ok) {
        setErrors(result.error.fieldErrors ?? []);
        setMessage(`${result.error.message}${result.error.fieldErrors ? '' : ' Nothing was saved.'}`);
        if (result.error.fieldErrors) focusFirstInvalid();
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

  const idHint =
    mode === 'update'
      ? 'The id cannot change; duplicate to make a copy.'
      : idEdited
        ? 'lowercase-with-dashes, used in file names and links'
        : 'Made from the title until you edit it; lowercase-with-dashes, used in file names and links.';
  const notesOpen = DIFFICULTIES.some((level) => draft.difficultyNotes[level].trim() !== '' || slots.has(`difficultyNotes.${level}`));

  return (
    <form
      data-testid="scenario-form"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 className="text-lg font-semibold text-ink">{mode === 'create' ? 'New scenario' : `Edit “${initial.title}”`}</h2>

      <div className="grid items-start gap-4 lg:grid-cols-2">
        <Section title="Basics">
          <div className="grid gap-3 sm:grid-cols-2">
            {text('title', 'Title', (d) => d.title, (d, v) => {
              d.title = v;
              if (!idEdited) d.id = idFromTitle(v);
            })}
            <TextField
              id="id"
              label="Id"
              value={draft.id}
              readOnly={mode === 'update'}
              hint={idHint}
              errors={slots.get('id')}
              onChange={(v) => {
                setIdEdited(v.trim() !== '');
                edit((d) => void (d.id = v));
              }}
            />
          </div>
          {text('summary', 'Summary (what the situation is)', (d) => d.summary, (d, v) => void (d.summary = v), { multiline: 3 })}
          {text('userRole', 'Who the user plays', (d) => d.userRole, (d, v) => void (d.userRole = v))}
          <div className="grid gap-3 sm:grid-cols-2">
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
          <div className="grid gap-3 sm:grid-cols-2">
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
          <TextField id="facts.other" label="Other facts (one per line)" multiline={2} value={draft.facts.other} onChange={(v) => edit((d) => void (d.facts.other = v))} errors={slots.get('facts.other')} />
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
      </div>

      <Section title="Success criteria" description={`Signals: words or phrases, or ${SIGNAL_TOKENS.join(' ')}; alternatives separated by |. One per line.`}>
        <CriterionRows draft={draft} edit={edit} slots={slots} />
      </Section>

      <details open={notesOpen || undefined} className="group rounded-xl border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer text-sm font-semibold text-ink">
          Difficulty notes (optional) <span className="font-normal text-slate-500">— extra behaviour at each level, on top of the built-in profile</span>
        </summary>
        <div className="mt-3 grid gap-3 md:grid-cols-3">
          {DIFFICULTIES.map((level) => (
            <TextField
              key={level}
              id={`difficultyNotes.${level}`}
              label={DIFFICULTY_PROFILES[level].label}
              multiline={2}
              value={draft.difficultyNotes[level]}
              onChange={(v) => edit((d) => void (d.difficultyNotes[level] = v))}
              errors={slots.get(`difficultyNotes.${level}`)}
            />
          ))}
        </div>
      </details>

      <div data-testid="scenario-save-bar" className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center gap-3 rounded-t-xl border border-b-0 border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_-6px_rgba(15,23,42,0.15)] backdrop-blur">
        <div className="min-w-0 flex-1">
          {message ? (
            <div role="alert" data-testid="form-message" className="text-sm font-medium text-rose-800">
              {message}
              <FieldErrors errors={general} />
            </div>
          ) : (
            <p className="text-xs text-slate-500">Checked against the scenario schema when you save; nothing is saved while a field is wrong.</p>
          )}
        </div>
        <button type="button" onClick={onCancel} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-cue/50">
          Cancel
        </button>
        <button type="submit" data-testid="save-scenario" disabled={saving} className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-cue focus-visible:ring-offset-2 disabled:opacity-60">
          {saving ? 'Saving…' : 'Save scenario'}
        </button>
      </div>
    </form>
  );
}
