'use client';

import { rowKey, type PlacedError, type ScenarioDraft } from '@/lib/practice/scenarios/scenario-draft';
import { OBJECTION_TYPES } from '@/lib/contracts/turn-tag';
import { FieldErrors, inputClass, SmallButton } from './form-controls';

export type Edit = (fn: (draft: ScenarioDraft) => void) => void;

/** A table row with an error: a rose rule on its left. */
const INVALID_ROW = 'border-l-2 border-rose-400 pl-2';
type Slots = Map<string, PlacedError[]>;

/** Metric name, target, current value and unit, one row each. */
export function MetricRows({ draft, edit, slots }: { draft: ScenarioDraft; edit: Edit; slots: Slots }) {
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-[minmax(0,2fr)_5rem_5rem_5rem_auto] gap-2 text-xs font-medium text-slate-500">
        <span>Metric</span>
        <span>Target</span>
        <span>Current</span>
        <span>Unit</span>
        <span />
      </div>
      {draft.facts.metrics.map((m, i) => (
        <div key={m.key} className={slots.has(`metric:${m.key}`) ? INVALID_ROW : undefined}>
          <div className="grid grid-cols-[minmax(0,2fr)_5rem_5rem_5rem_auto] items-center gap-2">
            <input aria-label={`Metric ${i + 1} name`} data-testid={`metric-name-${i}`} value={m.name} onChange={(e) => edit((d) => void (d.facts.metrics[i]!.name = e.target.value))} className={inputClass} />
            <input aria-label={`Metric ${i + 1} target`} inputMode="decimal" value={m.target} onChange={(e) => edit((d) => void (d.facts.metrics[i]!.target = e.target.value))} className={inputClass} />
            <input aria-label={`Metric ${i + 1} current`} inputMode="decimal" value={m.current} onChange={(e) => edit((d) => void (d.facts.metrics[i]!.current = e.target.value))} className={inputClass} />
            <input aria-label={`Metric ${i + 1} unit`} value={m.unit} onChange={(e) => edit((d) => void (d.facts.metrics[i]!.unit = e.target.value))} className={inputClass} />
            <SmallButton tone="danger" onClick={() => edit((d) => void d.facts.metrics.splice(i, 1))}>
              Remove
            </SmallButton>
          </div>
          <FieldErrors errors={slots.get(`metric:${m.key}`)} />
        </div>
      ))}
      <SmallButton onClick={() => edit((d) => void d.facts.metrics.push({ key: rowKey(), name: '', target: '', current: '', unit: '' }))}>Add metric</SmallButton>
    </div>
  );
}

/** Contract terms the client can hold over the consultant. */
export function ContractRows({ draft, edit, slots }: { draft: ScenarioDraft; edit: Edit; slots: Slots }) {
  return (
    <div className="space-y-2">
      {draft.facts.contract.map((c, i) => (
        <div key={c.key} className={slots.has(`contract:${c.key}`) ? INVALID_ROW : undefined}>
          <div className="grid grid-cols-[10rem_minmax(0,1fr)_auto] items-center gap-2">
            <input aria-label={`Contract term ${i + 1} name`} placeholder="payment_milestone" value={c.name} onChange={(e) => edit((d) => void (d.facts.contract[i]!.name = e.target.value))} className={inputClass} />
            <input aria-label={`Contract term ${i + 1}`} value={c.value} onChange={(e) => edit((d) => void (d.facts.contract[i]!.value = e.target.value))} className={inputClass} />
            <SmallButton tone="danger" onClick={() => edit((d) => void d.facts.contract.splice(i, 1))}>
              Remove
            </SmallButton>
          </div>
          <FieldErrors errors={slots.get(`contract:${c.key}`)} />
        </div>
      ))}
      <SmallButton onClick={() => edit((d) => void d.facts.contract.push({ key: rowKey(), name: '', value: '' }))}>Add contract term</SmallButton>
      <FieldErrors errors={slots.get('facts.contract')} />
    </div>
  );
}

/** The objection bank: type and wording of each objection. */
export function ObjectionRows({ draft, edit, slots }: { draft: ScenarioDraft; edit: Edit; slots: Slots }) {
  return (
    <div className="space-y-2">
      {draft.objectionBank.map((o, i) => (
        <div key={o.key} className={slots.has(`objection:${o.key}`) ? INVALID_ROW : undefined}>
          <div className="grid grid-cols-[8.5rem_minmax(0,1fr)_auto] items-start gap-2">
            <select aria-label={`Objection ${i + 1} type`} value={o.type} onChange={(e) => edit((d) => void (d.objectionBank[i]!.type = e.target.value as (typeof OBJECTION_TYPES)[number]))} className={inputClass}>
              {OBJECTION_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
            <input aria-label={`Objection ${i + 1}`} data-testid={`objection-${i}`} value={o.text} onChange={(e) => edit((d) => void (d.objectionBank[i]!.text = e.target.value))} className={inputClass} />
            <SmallButton tone="danger" onClick={() => edit((d) => void d.objectionBank.splice(i, 1))}>
              Remove
            </SmallButton>
          </div>
          <FieldErrors errors={slots.get(`objection:${o.key}`)} />
        </div>
      ))}
      <SmallButton onClick={() => edit((d) => void d.objectionBank.push({ key: rowKey(), type: 'Results', text: '' }))}>Add objection</SmallButton>
      <FieldErrors errors={slots.get('objectionBank')} />
    </div>
  );
}

/** Success criteria with the evidence the offline rubric looks for. */
export function CriterionRows({ draft, edit, slots }: { draft: ScenarioDraft; edit: Edit; slots: Slots }) {
  return (
    <div className="space-y-3">
      <div className="grid gap-3 lg:grid-cols-2">
        {draft.successCriteria.map((c, i) => (
          <div key={c.key} className={`space-y-1.5 rounded-lg bg-slate-50 p-3 ${slots.has(`criterion:${c.key}`) ? 'ring-1 ring-rose-300' : ''}`}>
            <div className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-2">
              <input aria-label={`Criterion ${i + 1}`} data-testid={`criterion-${i}`} placeholder="Presents a recovery plan with named owners and dates" value={c.text} onChange={(e) => edit((d) => void (d.successCriteria[i]!.text = e.target.value))} className={inputClass} />
              <SmallButton tone="danger" onClick={() => edit((d) => void d.successCriteria.splice(i, 1))}>
                Remove
              </SmallButton>
            </div>
            <div className="grid grid-cols-[minmax(0,1fr)_9rem] gap-2">
              <textarea
                aria-label={`Criterion ${i + 1} signals, one per line`}
                rows={2}
                placeholder={'@owner\n@date|by Friday'}
                value={c.signals}
                onChange={(e) => edit((d) => void (d.successCriteria[i]!.signals = e.target.value))}
                className={inputClass}
              />
              <select aria-label={`Criterion ${i + 1} match`} value={c.match} onChange={(e) => edit((d) => void (d.successCriteria[i]!.match = e.target.value as 'any' | 'all'))} className={`${inputClass} h-fit`}>
                <option value="any">any signal</option>
                <option value="all">all signals</option>
              </select>
            </div>
            <FieldErrors errors={slots.get(`criterion:${c.key}`)} />
          </div>
        ))}
      </div>
      <SmallButton onClick={() => edit((d) => void d.successCriteria.push({ key: rowKey(), text: '', signals: '', match: 'any' }))}>Add criterion</SmallButton>
      <FieldErrors errors={slots.get('successCriteria')} />
    </div>
  );
}
