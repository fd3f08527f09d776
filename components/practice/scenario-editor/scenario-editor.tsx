'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteCustomScenario, duplicateScenario, exportScenario } from '@/app/actions/practice';
import { blankDraft, scenarioToDraft, type ScenarioDraft } from '@/lib/practice/scenarios/scenario-draft';
import type { ScenarioEntry } from '@/lib/contracts/scenario';
import { SmallButton } from './form-controls';
import { downloadText } from '@/lib/shared/download';
import { ScenarioForm } from './scenario-form';
import { ScenarioImport } from './scenario-import';

type View = { kind: 'list' } | { kind: 'form'; mode: 'create' | 'update'; draft: ScenarioDraft; formKey: number } | { kind: 'import' };

/** The scenario editor: the library with create, edit, duplicate, delete, import and export. Built-ins are read-only. */
export function ScenarioEditor({ entries }: { entries: ScenarioEntry[] }) {
  const router = useRouter();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const done = (text: string) => {
    setNotice({ tone: 'ok', text });
    setView({ kind: 'list' });
    router.refresh();
  };
  const openForm = (mode: 'create' | 'update', draft: ScenarioDraft) => setView({ kind: 'form', mode, draft, formKey: Date.now() });

  const act = async (id: string, what: string, run: () => Promise<void>) => {
    setBusy(`${what}:${id}`);
    setNotice(null);
    try {
      await run();
    } catch {
      setNotice({ tone: 'error', text: 'The Cue server could not be reached. Try again.' });
    } finally {
      setBusy(null);
    }
  };

  const duplicate = (id: string) =>
    act(id, 'duplicate', async () => {
      const result = await duplicateScenario({ scenarioId: id });
      if (!result.ok) return setNotice({ tone: 'error', text: result.error.message });
      router.refresh();
      setNotice({ tone: 'ok', text: `Copied to “${result.data.scenario.title}”. Edit it below.` });
      openForm('update', scenarioToDraft(result.data.scenario));
    });
  const remove = (id: string) =>
    act(id, 'delete', async () => {
      const result = await deleteCustomScenario({ scenarioId: id });
      setConfirmDelete(null);
      if (!result.ok) return setNotice({ tone: 'error', text: result.error.message });
      done('Scenario deleted. Past sessions keep their copy of it.');
    });
  const exportOne = (id: string) =>
    act(id, 'export', async () => {
      const result = await exportScenario({ scenarioId: id });
      if (!result.ok) return setNotice({ tone: 'error', text: result.error.message });
      downloadText(result.data.json, result.data.fileName, 'application/json');
    });

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link href="/practice" className="text-sm text-slate-500 hover:text-cue">
            ← Scenario library
          </Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink">Scenarios</h1>
          <p className="mt-1 text-sm text-slate-600">Built-in scenarios are read-only: duplicate one to make your own version.</p>
        </div>
        <div className="flex gap-2">
          <button type="button" data-testid="new-scenario" onClick={() => openForm('create', blankDraft())} className="rounded-lg bg-cue px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-700">
            New scenario
          </button>
          <button type="button" data-testid="open-import" onClick={() => setView({ kind: 'import' })} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
            Import JSON
          </button>
        </div>
      </div>
      {notice ? (
        <p role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="editor-notice" className={`rounded-lg px-4 py-2 text-sm ${notice.tone === 'error' ? 'border border-rose-200 bg-rose-50 text-rose-900' : 'border border-emerald-200 bg-emerald-50 text-emerald-900'}`}>
          {notice.text}
        </p>
      ) : null}

      {view.kind === 'form' ? (
        <ScenarioForm key={view.formKey} mode={view.mode} initial={view.draft} onCancel={() => setView({ kind: 'list' })} onSaved={(e) => done(`Saved “${e.scenario.title}”. It is in the practice library now.`)} />
      ) : null}
      {view.kind === 'import' ? <ScenarioImport onCancel={() => setView({ kind: 'list' })} onImported={(e) => done(`Imported “${e.scenario.title}” (${e.scenario.id}).`)} /> : null}

      {view.kind === 'list' ? (
        <ul data-testid="scenario-editor-list" className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          {entries.map(({ scenario, source }) => (
            <li key={scenario.id} data-testid="editor-row" data-scenario-id={scenario.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-ink">
                  {scenario.title}{' '}
                  <span className={`ml-1 rounded-full px-2 py-0.5 text-[11px] font-medium ${source === 'builtin' ? 'bg-slate-100 text-slate-600' : 'bg-cue-soft text-cue'}`}>
                    {source === 'builtin' ? 'Built-in · read-only' : 'Custom'}
                  </span>
                </p>
                <p className="truncate text-xs text-slate-500">
                  {scenario.id} · {scenario.persona.name}, {scenario.persona.role}
                </p>
              </div>
              <div className="flex flex-wrap gap-1.5">
                {source === 'custom' ? (
                  <SmallButton testId={`edit-${scenario.id}`} onClick={() => openForm('update', scenarioToDraft(scenario))}>
                    Edit
                  </SmallButton>
                ) : null}
                <SmallButton testId={`duplicate-${scenario.id}`} disabled={busy !== null} onClick={() => void duplicate(scenario.id)}>
                  Duplicate
                </SmallButton>
                <SmallButton testId={`export-${scenario.id}`} disabled={busy !== null} onClick={() => void exportOne(scenario.id)}>
                  Export
                </SmallButton>
                {source === 'custom' ? (
                  confirmDelete === scenario.id ? (
                    <>
                      <SmallButton tone="danger" testId={`confirm-delete-${scenario.id}`} disabled={busy !== null} onClick={() => void remove(scenario.id)}>
                        Really delete
                      </SmallButton>
                      <SmallButton onClick={() => setConfirmDelete(null)}>Keep</SmallButton>
                    </>
                  ) : (
                    <SmallButton tone="danger" testId={`delete-${scenario.id}`} onClick={() => setConfirmDelete(scenario.id)}>
                      Delete
                    </SmallButton>
                  )
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
