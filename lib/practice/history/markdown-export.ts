import { metricRows } from '@/lib/shared/metric-references';
import { difficultyProfile } from '@/lib/contracts/difficulty';
import { attachTurnTags } from './transcript-tags';
import type { StoredTurnTag } from '@/lib/contracts/turn-tag';
import type { PracticeSessionDetail } from '@/lib/contracts/practice-session';

/** A practice session as a self-contained Markdown document. Pure and deterministic (times in UTC). */

function utc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

/** Table cells: no pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
}

function tagLine(t: StoredTurnTag): string {
  return `> _Tag: ${t.objection_type} · difficulty ${t.difficulty} · ${t.sentiment} · next probe: ${t.next_probe}_`;
}

export function sessionMarkdownFileName(session: Pick<PracticeSessionDetail, 'scenarioId' | 'startedAt'>): string {
  const stamp = session.startedAt.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `cue-practice-${session.scenarioId}-${stamp}.md`;
}

export function sessionToMarkdown(session: PracticeSessionDetail): string {
  const out: string[] = [];
  const persona = session.scenario.persona.name;
  out.push(`# Practice session: ${session.scenarioTitle}`, '');
  out.push(`- Started: ${utc(session.startedAt)}`);
  out.push(`- Difficulty: ${difficultyProfile(session.difficulty).label}`);
  out.push(`- Duration: ${session.durationSeconds === null ? 'unfinished (the call never ended)' : duration(session.durationSeconds)}`);
  out.push(`- Client: ${persona}, ${session.scenario.persona.role}`);
  out.push(`- You played: ${session.scenario.userRole}`);
  const d = session.debrief;
  out.push(`- Score: ${d ? `${d.score}/10 (${d.source === 'model' ? 'AI coach' : 'offline rubric, no AI'})` : 'not scored'}`, '');

  out.push('## Debrief', '');
  if (!d) out.push(session.endedAt ? '_The debrief has not been produced yet._' : '_No debrief: the session was never ended._', '');
  else {
    out.push(d.summary, '');
    if (d.strengths.length) out.push('### Strengths', '', ...d.strengths.map((s) => `- ${s}`), '');
    if (d.improvements.length) out.push('### Improvements', '', ...d.improvements.map((s) => `- ${s}`), '');
    out.push('### Key takeaway', '', `> ${d.keyTakeaway}`, '');
    out.push('### Success criteria', '', '| Criterion | Met | Evidence |', '| --- | --- | --- |');
    for (const c of d.criteria) out.push(`| ${cell(c.criterion)} | ${c.met ? 'Yes' : 'No'} | ${c.evidence ? `"${cell(c.evidence)}"` : '—'} |`);
    out.push('');
    if (d.notes.length) out.push('### Notes', '', ...d.notes.map((n) => `- ${n}`), '');
  }

  out.push('## Delivery metrics', '');
  if (!session.metrics) out.push('_Not measured yet._', '');
  else {
    out.push('| Metric | Value | Reference |', '| --- | --- | --- |');
    for (const r of metricRows(session.metrics)) {
      const value = r.value === null ? 'not measurable' : `${r.value}${r.unit ? ` ${r.unit}` : ''}`;
      const ref = r.range ? `${r.range.min}-${r.range.max} ${r.unit}`.trim() : '—';
      out.push(`| ${r.label} | ${value} | ${cell(ref)} |`);
    }
    const s = session.metrics.specifics;
    const list = (label: string, xs: string[]) => (xs.length ? [`- ${label}: ${xs.join('; ')}`] : []);
    out.push('', ...list('Dates', s.dates), ...list('Owners', s.owners), ...list('Numbers', s.numbers), ...list('Checkpoints', s.checkpoints));
    out.push('');
  }

  out.push('## Transcript', '');
  const { rows, unplaced } = attachTurnTags(session.items, session.tags);
  if (rows.length === 0) out.push('_Nothing was said._', '');
  const t0 = session.startedAt.getTime();
  for (const { item, tags } of rows) {
    const who = item.speaker === 'user' ? 'You' : persona;
    out.push(`**[${clock(item.startedAt.getTime() - t0)}] ${who}:** ${item.text.trim()}`, '');
    for (const t of tags) out.push(tagLine(t), '');
  }
  if (unplaced.length) out.push('### Other turn tags', '', ...unplaced.map(tagLine), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
