'use client';

import { useState } from 'react';
import type { PastCallView } from '@/lib/assist/call/call-views';
import { ActionCards } from './action-cards';
import { AfterCallPanel } from './after-call-panel';
import { AssistProvider, useAssist, useAssistState } from './assist-context';
import { ChecklistPanel } from './checklist-panel';
import { CsvImport } from './csv-import';
import { CustomerPanel } from './customer-panel';
import { PastCalls } from './past-calls';
import { SuggestionPanel } from './suggestion-panel';
import { TranscriptPanel } from './transcript-panel';
import { danger, ErrorLine, primary } from './ui';

/** /assist: start a call, then transcript, customer, suggestion, actions and checklist side by side. */

type CallTypeOption = { id: string; label: string };

function CallBar({ callTypes, canSupervise }: { callTypes: CallTypeOption[]; canSupervise: boolean }) {
  const { driver, channels } = useAssist();
  const phase = useAssistState((s) => s.phase);
  const error = useAssistState((s) => s.errors.call);
  const panelMs = useAssistState((s) => s.panelMs);
  const [callType, setCallType] = useState(callTypes[0]?.id ?? 'order_issue');
  const live = phase === 'live';
  const hangUp = () => {
    channels.mic.stop();
    channels.tab.stop();
    void driver.hangUp();
  };
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3">
      <h1 className="text-lg font-semibold text-slate-900">Agent assist</h1>
      <select aria-label="Call type" data-testid="assist-call-type" className="rounded-lg border border-slate-300 px-2 py-1.5 text-sm" value={callType} onChange={(e) => setCallType(e.target.value)} disabled={live}>
        {callTypes.map((t) => (
          <option key={t.id} value={t.id}>{t.label}</option>
        ))}
      </select>
      {live || phase === 'ending' ? (
        <button type="button" data-testid="assist-hang-up" className={danger} onClick={hangUp} disabled={phase === 'ending'}>Hang up</button>
      ) : (
        <button type="button" data-testid="assist-start" className={primary} disabled={phase === 'starting'} onClick={() => void driver.start(callType)}>
          {phase === 'starting' ? 'Starting…' : phase === 'idle' ? 'Start call' : 'Start next call'}
        </button>
      )}
      <span data-testid="assist-phase" className={`text-sm ${live ? 'font-semibold text-emerald-700' : 'text-slate-500'}`}>
        {live ? '● On a call' : phase === 'after' ? 'Call ended: finish the summary' : phase === 'saved' ? 'Call saved' : ''}
      </span>
      {panelMs !== null ? <span className="text-xs text-slate-400">customer found in {panelMs} ms</span> : null}
      {canSupervise ? (
        <a href="/assist/supervisor" data-testid="assist-supervisor-link" className="ml-auto text-sm text-cue hover:underline">Supervisor view</a>
      ) : null}
      <ErrorLine message={error} testId="assist-call-error" />
    </div>
  );
}

function Body() {
  const ended = useAssistState((s) => s.ended);
  const phase = useAssistState((s) => s.phase);
  return (
    <>
      {ended && (phase === 'after' || phase === 'saved') ? (
        <div className="mb-3">
          <AfterCallPanel key={ended.id} ended={ended} />
        </div>
      ) : null}
      <div className="grid gap-3 lg:grid-cols-[1.15fr_1fr_0.95fr]">
        <div className="space-y-3">
          <TranscriptPanel />
        </div>
        <div className="space-y-3">
          <SuggestionPanel />
          <ActionCards />
        </div>
        <div className="space-y-3">
          <CustomerPanel />
          <ChecklistPanel />
        </div>
      </div>
    </>
  );
}

/** By role: the supervisor view is for coaches and admins; the CSV import replaces the systems of record, so only an admin sees it. */
export function AssistConsole({ callTypes, pastCalls, pastCallsError, canSupervise, canImport }: { callTypes: CallTypeOption[]; pastCalls: PastCallView[]; pastCallsError: string | null; canSupervise: boolean; canImport: boolean }) {
  return (
    <AssistProvider>
      <CallBar callTypes={callTypes} canSupervise={canSupervise} />
      <Body />
      <div className={`mt-3 grid gap-3 ${canImport ? 'lg:grid-cols-[2fr_1fr]' : ''}`}>
        <PastCalls initial={pastCalls} initialError={pastCallsError} />
        {canImport ? <CsvImport /> : null}
      </div>
    </AssistProvider>
  );
}
