import { formatClock, formatDuration, formatUtc } from '@/lib/shared/format';
import { escapeMarkdown, finishDocument, headerBlock, speechLine, tableCell } from '@/lib/shared/markdown';
import { metricRows } from '@/lib/shared/metric-references';
import { difficultyProfile } from '@/lib/contracts/difficulty';
import { attachTurnTags } from './transcript-tags';
import { NOTHING_SAID_NOTE } from './session-record';
import type { StoredTurnTag } from '@/lib/contracts/turn-tag';
import type { PracticeSessionDetail } from '@/lib/contracts/practice-session';

/** A practice session as a self-contained Markdown document. Pure and deterministic (times in UTC). */

function tagLine(t: StoredTurnTag): string {
  return `> _Tag: ${t.objection_type} · difficulty ${t.difficulty} · ${t.sentiment} · next probe: ${escapeMarkdown(t.next_probe)}_`;
}

export function sessionMarkdownFileName(session: Pick<PracticeSessionDetail, 'scenarioId' | 'startedAt'>): string {
  const stamp = session.startedAt.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `cue-practice-${session.scenarioId}-${stamp}.md`;
}

export function sessionToMarkdown(session: PracticeSessionDetail): string {
  const persona = session.scenario.persona.name;
  const d = session.debrief;
  const silent = session.status === 'nothing_said';
  const out = headerBlock(`Practice session: ${session.scenarioTitle}`, [
    ['Started', formatUtc(session.startedAt)],
    ['Difficulty', difficultyProfile(session.difficulty).label],
    ['Duration', session.durationSeconds === null ? 'unfinished (the call never ended)' : formatDuration(session.durationSeconds)],
    ['Client', `${escapeMarkdown(persona)}, ${escapeMarkdown(session.scenario.persona.role)}`],
    ['You played', escapeMarkdown(session.scenario.userRole)],
    ['Score', d ? `${d.score}/10 (${d.source === 'model' ? 'AI coach' : 'offline rubric, no AI'})` : silent ? 'not scored (nothing was said)' : 'not scored'],
  ]);

  out.push('## Debrief', '');
  if (!d) out.push(silent ? `_${NOTHING_SAID_NOTE}_` : session.endedAt ? '_The debrief has not been produced yet._' : '_No debrief: the session was never ended._', '');
  else {
    out.push(escapeMarkdown(d.summary), '');
    if (d.strengths.length) out.push('### Strengths', '', ...d.strengths.map((s) => `- ${escapeMarkdown(s)}`), '');
    if (d.improvements.length) out.push('### Improvements', '', ...d.improvements.map((s) => `- ${escapeMarkdown(s)}`), '');
    out.push('### Key takeaway', '', `> ${escapeMarkdown(d.keyTakeaway)}`, '');
    out.push('### Success criteria', '', '| Criterion | Met | Evidence |', '| --- | --- | --- |');
    for (const c of d.criteria) out.push(`| ${tableCell(c.criterion)} | ${c.met ? 'Yes' : 'No'} | ${c.evidence ? `"${tableCell(c.evidence)}"` : '—'} |`);
    out.push('');
    if (d.notes.length) out.push('### Notes', '', ...d.notes.map((n) => `- ${escapeMarkdown(n)}`), '');
  }

  out.push('## Delivery metrics', '');
  if (!session.metrics) out.push(silent ? '_Not measured: nothing was said._' : '_Not measured yet._', '');
  else {
    out.push('| Metric | Value | Reference |', '| --- | --- | --- |');
    for (const r of metricRows(session.metrics)) {
      const value = r.value === null ? 'not measurable' : `${r.value}${r.unit ? ` ${r.unit}` : ''}`;
      const ref = r.range ? `${r.range.min}-${r.range.max} ${r.unit}`.trim() : '—';
      out.push(`| ${r.label} | ${value} | ${tableCell(ref)} |`);
    }
    const s = session.metrics.specifics;
    const list = (label: string, xs: string[]) => (xs.length ? [`- ${label}: ${xs.map(escapeMarkdown).join('; ')}`] : []);
    out.push('', ...list('Dates', s.dates), ...list('Owners', s.owners), ...list('Numbers', s.numbers), ...list('Checkpoints', s.checkpoints));
    out.push('');
  }

  out.push('## Transcript', '');
  const { rows, unplaced } = attachTurnTags(session.items, session.tags);
  if (rows.length === 0) out.push('_Nothing was said._', '');
  const t0 = session.startedAt.getTime();
  for (const { item, tags } of rows) {
    const who = item.speaker === 'user' ? 'You' : persona;
    out.push(speechLine(formatClock(item.startedAt.getTime() - t0), who, item.text), '');
    for (const t of tags) out.push(tagLine(t), '');
  }
  if (unplaced.length) out.push('### Other turn tags', '', ...unplaced.map(tagLine), '');
  return finishDocument(out);
}
