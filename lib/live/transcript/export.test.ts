import { describe, expect, it } from 'vitest';
import { formatClock as formatOffset } from '@/lib/shared/format';
import { escapeMarkdown } from '@/lib/shared/markdown';
import { transcriptFileName, transcriptToJson, transcriptToMarkdown } from './export';
import { transcriptEntrySchema, type TranscriptEntry } from '@/lib/live/transcript/types';

const start = Date.UTC(2025, 4, 1, 10, 30, 0);
const entries: TranscriptEntry[] = [
  { id: 'u1', role: 'user', text: 'So what is your *pricing*?', at: start + 3_000 },
  { id: 'u2', role: 'user', text: '   ', at: start + 4_000 },
  { id: 'h1', role: 'hint', text: 'Anchor on value first.', at: start + 65_500, hint: { kind: 'quick', trigger: 'good question', interrupted: false } },
  { id: 'h2', role: 'hint', text: 'Walk them through', at: start + 70_000, hint: { kind: 'full', trigger: 'button', interrupted: true } },
  { id: 'a1', role: 'assistant', text: 'Hello', at: start + 3_725_000 },
];

describe('transcriptToMarkdown', () => {
  it('renders the header and one line per spoken entry', () => {
    const md = transcriptToMarkdown(entries, { title: 'Acme call', startedAt: start, endedAt: start + 3_800_000, model: 'gpt-realtime', voice: 'marin' });
    expect(md).toBe(
      [
        '# Acme call',
        '',
        '- Started: 2025-05-01T10:30:00.000Z',
        '- Ended: 2025-05-01T11:33:20.000Z',
        '- Model: gpt-realtime',
        '- Voice: marin',
        '- Hints: 2',
        '',
        '**[0:03] Meeting:** So what is your \\*pricing\\*?',
        '',
        '> **[1:05] Cue — Quick hint** (trigger: good question): Anchor on value first.',
        '',
        '> **[1:10] Cue — Full guidance** (trigger: button): Walk them through _(interrupted)_',
        '',
        '**[1:02:05] Cue:** Hello',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing was transcribed', () => {
    expect(transcriptToMarkdown([], { startedAt: start })).toBe(
      ['# Live session', '', '- Started: 2025-05-01T10:30:00.000Z', '- Hints: 0', '', '_Nothing was transcribed._', ''].join('\n'),
    );
  });
});

describe('transcriptToJson', () => {
  it('keeps every entry with its offset and the meta, under a format tag', () => {
    const doc = JSON.parse(transcriptToJson(entries, { startedAt: start }));
    expect(doc.format).toBe('cue.transcript');
    expect(doc.version).toBe(1);
    expect(doc.meta).toEqual({ title: 'Live session', startedAt: start });
    expect(doc.entries).toHaveLength(5);
    expect(doc.entries[2]).toEqual({
      id: 'h1',
      role: 'hint',
      text: 'Anchor on value first.',
      at: start + 65_500,
      offsetMs: 65_500,
      hint: { kind: 'quick', trigger: 'good question', interrupted: false },
    });
    expect('hint' in doc.entries[0]).toBe(false);
    for (const e of doc.entries) expect(transcriptEntrySchema.safeParse(e).success).toBe(true);
  });
});

describe('helpers', () => {
  it.each([
    [0, '0:00'],
    [59_999, '0:59'],
    [61_000, '1:01'],
    [3_600_000, '1:00:00'],
    [-5, '0:00'],
  ])('formatOffset(%d) = %s', (ms, text) => expect(formatOffset(ms)).toBe(text));

  it('escapes markdown and flattens whitespace', () => {
    expect(escapeMarkdown(' # [a](b) <x> |_y_| \n z ')).toBe('\\# \\[a\\](b) \\<x\\> \\|\\_y\\_\\| z');
  });

  it('builds file names from the start time', () => {
    expect(transcriptFileName({ startedAt: start }, 'md')).toBe('cue-transcript-2025-05-01T10-30-00Z.md');
    expect(transcriptFileName({ startedAt: Number.NaN }, 'json')).toBe('cue-transcript-session.json');
  });
});
