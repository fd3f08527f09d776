import { formatClock } from '@/lib/shared/format';
import { escapeMarkdown, finishDocument, headerBlock, speechLine } from '@/lib/shared/markdown';
import type { TranscriptEntry, TranscriptMeta } from './types';

const TRANSCRIPT_FORMAT = 'cue.transcript';
const TRANSCRIPT_FORMAT_VERSION = 1;

function isoOrDash(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? '—' : new Date(ms).toISOString();
}

function speaker(entry: TranscriptEntry): string {
  if (entry.role === 'user') return 'Meeting';
  if (entry.role === 'assistant') return 'Cue';
  const kind = entry.hint?.kind === 'full' ? 'Full guidance' : 'Quick hint';
  return `Cue — ${kind}`;
}

/**
 * A readable Markdown transcript: a header with the session facts, then one
 * line per entry with its time offset. Hints are quoted with what triggered
 * them and whether they were cut off. Empty speech lines are left out.
 */
export function transcriptToMarkdown(items: readonly TranscriptEntry[], meta: TranscriptMeta): string {
  const facts: [string, string][] = [['Started', isoOrDash(meta.startedAt)]];
  if (meta.endedAt !== undefined) facts.push(['Ended', isoOrDash(meta.endedAt)]);
  if (meta.model) facts.push(['Model', escapeMarkdown(meta.model)]);
  if (meta.voice) facts.push(['Voice', escapeMarkdown(meta.voice)]);
  facts.push(['Hints', String(items.filter((i) => i.role === 'hint').length)]);
  const lines = headerBlock(meta.title ?? 'Live session', facts);
  let written = 0;
  for (const entry of items) {
    const text = escapeMarkdown(entry.text);
    if (!text && entry.role !== 'hint') continue;
    const when = formatClock(entry.at - meta.startedAt);
    if (entry.role === 'hint') {
      const trigger = entry.hint ? ` (trigger: ${escapeMarkdown(entry.hint.trigger)})` : '';
      const cut = entry.hint?.interrupted ? ' _(interrupted)_' : '';
      lines.push(`> **[${when}] ${speaker(entry)}**${trigger}: ${text || '_(no speech transcribed)_'}${cut}`, '');
    } else {
      lines.push(speechLine(when, speaker(entry), entry.text), '');
    }
    written++;
  }
  if (written === 0) lines.push('_Nothing was transcribed._', '');
  return finishDocument(lines);
}

/** A machine-readable transcript: format tag + version, the meta, and every entry as given. */
export function transcriptToJson(items: readonly TranscriptEntry[], meta: TranscriptMeta): string {
  const doc = {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_FORMAT_VERSION,
    meta: { ...meta, title: meta.title ?? 'Live session' },
    entries: items.map((e) => ({
      id: e.id,
      role: e.role,
      text: e.text,
      at: e.at,
      offsetMs: Math.max(0, e.at - meta.startedAt),
      ...(e.hint ? { hint: { ...e.hint } } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** File names like "cue-transcript-2025-05-01T10-30-00Z.md". */
export function transcriptFileName(meta: Pick<TranscriptMeta, 'startedAt'>, ext: 'md' | 'json'): string {
  const stamp = Number.isFinite(meta.startedAt) ? new Date(meta.startedAt).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-') : 'session';
  return `cue-transcript-${stamp}.${ext}`;
}
