'use client';

import { useState } from 'react';
import { useSettingsStore } from '@/components/settings/settings-store-provider';
import { useRealtimeStore, useRealtimeStoreApi } from '@/lib/realtime/store/use-realtime-store';
import { transcriptFileName, transcriptToJson, transcriptToMarkdown } from '@/lib/live/transcript/export';
import { liveTranscriptEntries } from '@/lib/live/transcript/from-live';
import type { TranscriptMeta } from '@/lib/live/transcript/types';
import { downloadText } from '@/lib/shared/download';
import { useHintStoreApi } from '@/lib/live/live-context';
import { exportModelFacts } from '@/lib/live/backend-label';
import type { Backend } from '@/lib/realtime/store/types';

const tool = 'rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40';

/** Transcript header: title, count, copy (Markdown) and export (Markdown, JSON). */
export function TranscriptToolbar({ backend }: { backend: Backend }) {
  const store = useRealtimeStoreApi();
  const hintStore = useHintStoreApi();
  const voice = useSettingsStore((s) => s.settings.voice);
  const count = useRealtimeStore((s) => s.transcript.order.length);
  const [status, setStatus] = useState('');

  const snapshot = () => {
    const s = store.getState();
    const entries = liveTranscriptEntries(s.transcript, hintStore.getState().hints);
    const meta: TranscriptMeta = {
      title: 'Live session',
      startedAt: s.callStartedAt ?? entries[0]?.at ?? Date.now(),
      endedAt: s.callEndedAt ?? undefined,
      // On the local engine no model runs and the voice changes nothing: say so, leave the voice out.
      ...exportModelFacts(s.backend ?? backend, s.model, voice),
    };
    return { entries, meta };
  };

  const copy = async () => {
    const { entries, meta } = snapshot();
    try {
      await navigator.clipboard.writeText(transcriptToMarkdown(entries, meta));
      setStatus('Copied');
    } catch {
      setStatus('Copy failed: the browser blocked the clipboard');
    }
  };

  const save = (format: 'md' | 'json') => {
    const { entries, meta } = snapshot();
    const text = format === 'md' ? transcriptToMarkdown(entries, meta) : transcriptToJson(entries, meta);
    downloadText(text, transcriptFileName(meta, format), format === 'md' ? 'text/markdown' : 'application/json');
    setStatus(`Saved ${format === 'md' ? 'Markdown' : 'JSON'}`);
  };

  return (
    <header className="flex items-center gap-2 border-b border-slate-200 px-4 py-2">
      <h2 className="text-sm font-semibold text-slate-800">Transcript</h2>
      <span className="text-xs text-slate-500">{count}</span>
      <span role="status" data-testid="transcript-status" className="text-xs text-emerald-700">
        {status}
      </span>
      <div className="ml-auto flex gap-1.5">
        <button type="button" data-testid="transcript-copy" disabled={count === 0} onClick={() => void copy()} className={tool}>
          Copy
        </button>
        <button type="button" data-testid="transcript-export-md" disabled={count === 0} onClick={() => save('md')} className={tool}>
          Export .md
        </button>
        <button type="button" data-testid="transcript-export-json" disabled={count === 0} onClick={() => save('json')} className={tool}>
          Export .json
        </button>
      </div>
    </header>
  );
}
