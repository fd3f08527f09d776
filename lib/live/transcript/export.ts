import type { TranscriptEntry, TranscriptMeta } from '@/lib/live/transcript/types';

export const TRANSCRIPT_FORMAT = 'cue.transcript';
export const TRANSCRIPT_FORMAT_VERSION = 1;

/** "m:ss" (or "h:mm:ss") since the session start; negative offsets clamp to 0:00. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Escape what Markdown would otherwise interpret inside a line of speech. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>|~#])/g, '\\$1');
}

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
  const lines = [`# ${escapeMarkdown(meta.title ?? 'Live session')}`, ''];
  lines.push(`- Started: ${isoOrDash(meta.startedAt)}`);
  if (meta.endedAt !== undefined) lines.push(`- Ended: ${isoOrDash(meta.endedAt)}`);
  if (meta.model) lines.push(`- Model: ${escapeMarkdown(meta.model)}`);
  if (meta.voice) lines.push(`- Voice: ${escapeMarkdown(meta.voice)}`);
  const hints = items.filter((i) => i.role === 'hint').length;
  lines.push(`- Hints: ${hints}`, '');
  let written = 0;
  for (const entry of items) {
    const text = escapeMarkdown(entry.text);
    if (!text && entry.role !== 'hint') continue;
    const when = formatOffset(entry.at - meta.startedAt);
    if (entry.role === 'hint') {
      const trigger = entry.hint ? ` (trigger: ${escapeMarkdown(entry.hint.trigger)})` : '';
      const cut = entry.hint?.interrupted ? ' _(interrupted)_' : '';
      lines.push(`> **[${when}] ${speaker(entry)}**${trigger}: ${text || '_(no speech transcribed)_'}${cut}`, '');
    } else {
      lines.push(`**[${when}] ${speaker(entry)}:** ${text}`, '');
    }
    written++;
  }
  if (written === 0) lines.push('_Nothing was transcribed._', '');
  return lines.join('\n').replace(/\n+$/, '\n');
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
