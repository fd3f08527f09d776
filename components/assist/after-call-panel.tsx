'use client';

import { useState } from 'react';
import { DISPOSITIONS, type Disposition } from '@/lib/assist/call/call-types';
import type { CallEnded } from '@/lib/assist/call/call-views';
import { useAssist, useAssistState } from './assist-context';
import { clock, ErrorLine, input, Panel, primary } from './ui';

/** After hanging up: the drafted summary, disposition and CRM note, edited, then saved with the call. */

export function AfterCallPanel({ ended }: { ended: CallEnded }) {
  const { driver } = useAssist();
  const phase = useAssistState((s) => s.phase);
  const error = useAssistState((s) => s.errors.save);
  const [reason, setReason] = useState(ended.draft.summary.reason);
  const [resolution, setResolution] = useState(ended.draft.summary.resolution);
  const [followUps, setFollowUps] = useState(ended.draft.summary.followUps.join('\n'));
  const [disposition, setDisposition] = useState<Disposition>(ended.draft.disposition);
  const [note, setNote] = useState(ended.draft.crmNote);
  const [busy, setBusy] = useState(false);
  const saved = phase === 'saved';
  const save = async () => {
    setBusy(true);
    await driver.save({
      summary: { reason, resolution, followUps: followUps.split('\n').map((f) => f.trim()).filter(Boolean) },
      disposition,
      crmNote: note,
    });
    setBusy(false);
  };
  const area = `${input} min-h-[3.5rem]`;
  return (
    <Panel title={`After the call (${clock(ended.durationSec)})`} testId="assist-after-call" right={saved ? <span data-testid="assist-saved" className="text-xs font-semibold text-emerald-700">Saved</span> : null}>
      <div className="grid gap-2 md:grid-cols-2">
        <label className="text-xs font-medium text-slate-600">Reason
          <textarea data-testid="assist-summary-reason" className={area} value={reason} onChange={(e) => setReason(e.target.value)} disabled={saved} />
        </label>
        <label className="text-xs font-medium text-slate-600">Resolution
          <textarea data-testid="assist-summary-resolution" className={area} value={resolution} onChange={(e) => setResolution(e.target.value)} disabled={saved} />
        </label>
        <label className="text-xs font-medium text-slate-600">Follow-ups (one a line)
          <textarea data-testid="assist-summary-followups" className={area} value={followUps} onChange={(e) => setFollowUps(e.target.value)} disabled={saved} />
        </label>
        <label className="text-xs font-medium text-slate-600">Disposition
          <select data-testid="assist-disposition" className={input} value={disposition} onChange={(e) => setDisposition(e.target.value as Disposition)} disabled={saved}>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>{d.replaceAll('_', ' ')}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="mt-2 block text-xs font-medium text-slate-600">CRM note
        <textarea data-testid="assist-crm-note" className={`${input} min-h-[7rem] font-mono text-xs`} value={note} onChange={(e) => setNote(e.target.value)} disabled={saved} />
      </label>
      <div className="mt-2 flex items-center gap-3">
        <button type="button" data-testid="assist-save" className={primary} disabled={busy || saved} onClick={() => void save()}>
          {busy ? 'Saving…' : saved ? 'Saved' : 'Save summary and note'}
        </button>
        <span data-testid="assist-drafted-by" data-by={ended.draftedBy.by} className="text-xs text-slate-500">
          {ended.draftedBy.by === 'openai' ? `Drafted by ${ended.draftedBy.model}` : ended.draftedBy.by === 'local' ? 'Drafted by the local model (offline rubric)' : 'Drafted by the offline rubric'}; edit anything before saving.
        </span>
      </div>
      {ended.draftedBy.note ? <p data-testid="assist-draft-note" role="status" className="mt-1 text-xs text-amber-800">{ended.draftedBy.note}</p> : null}
      <ErrorLine message={error} testId="assist-save-error" />
    </Panel>
  );
}
