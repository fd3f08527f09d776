'use client';

import { useState } from 'react';
import { exportModelFacts } from '@/lib/live/backend-label';
import type { LiveSessionDetail } from '@/lib/live/meeting/saved-meeting';
import { transcriptFileName, transcriptToJson, transcriptToMarkdown } from '@/lib/live/transcript/export';
import type { TranscriptMeta } from '@/lib/live/transcript/types';
import { downloadText } from '@/lib/shared/download';

const tool = 'rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50';

/** Export a saved meeting as Markdown or JSON, in the same formats as the live page's export. */
export function SavedMeetingExport({ meeting }: { meeting: LiveSessionDetail }) {
  const [status, setStatus] = useState('');
  const meta: TranscriptMeta = {
    title: meeting.title,
    startedAt: meeting.startedAt.getTime(),
    endedAt: meeting.endedAt.getTime(),
    ...exportModelFacts(meeting.backend, meeting.model, meeting.voice),
  };
  const save = (format: 'md' | 'json') => {
    const text = format === 'md' ? transcriptToMarkdown(meeting.lines, meta) : transcriptToJson(meeting.lines, meta);
    downloadText(text, transcriptFileName(meta, format), format === 'md' ? 'text/markdown' : 'application/json');
    setStatus(`Saved ${format === 'md' ? 'Markdown' : 'JSON'}`);
  };
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span role="status" className="text-xs text-emerald-700">
        {status}
      </span>
      <button type="button" data-testid="meeting-export-md" onClick={() => save('md')} className={tool}>
        Export .md
      </button>
      <button type="button" data-testid="meeting-export-json" onClick={() => save('json')} className={tool}>
        Export .json
      </button>
    </span>
  );
}
