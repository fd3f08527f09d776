import { describe, expect, it } from 'vitest';
import { computeDeliveryMetrics } from '@/lib/practice/debrief/metrics';
import { buildRubricDebrief } from '@/lib/practice/debrief/rubric';
import { defaultScenario } from '@/agents/scenarios';
import { sessionMarkdownFileName, sessionToMarkdown } from './markdown-export';
import { NOTHING_SAID_NOTE } from './session-record';
import type { PracticeSessionDetail } from '@/lib/contracts/practice-session';

const scenario = defaultScenario();
const t = (s: number) => new Date(Date.UTC(2025, 2, 3, 9, 0, s));
const items = [
  { itemId: 'c1', seq: 0, speaker: 'client' as const, text: 'Explain the | gap.', startedAt: t(1), endedAt: t(3) },
  { itemId: 'u1', seq: 1, speaker: 'user' as const, text: 'We own it. Sarah will own the fix by Friday.', startedAt: t(5), endedAt: t(9) },
];
const metrics = computeDeliveryMetrics(items);
const debrief = buildRubricDebrief({ scenario, difficulty: 'hard', transcript: items, tags: [], metrics });
const session: PracticeSessionDetail = {
  id: 's1',
  scenarioId: scenario.id,
  scenarioTitle: scenario.title,
  difficulty: 'hard',
  startedAt: t(0),
  endedAt: t(75),
  endReason: 'user',
  status: 'completed',
  score: debrief.score,
  durationSeconds: 75,
  itemCount: 2,
  lastActivityAt: t(9),
  scenario,
  metrics,
  debrief,
  items,
  tags: [
    { callId: 'k1', itemId: 'c1', createdAt: t(3), objection_type: 'Results', difficulty: 4, sentiment: 'skeptical', next_probe: 'Who owns it?' },
    { callId: 'k2', itemId: null, createdAt: t(0), objection_type: 'Plan', difficulty: 2, sentiment: 'neutral', next_probe: 'Early tag' },
  ],
};

describe('sessionToMarkdown', () => {
  const md = sessionToMarkdown(session);

  it('starts with the session facts', () => {
    expect(md.split('\n').slice(0, 9)).toEqual([
      '# Practice session: Municipal COO: SIC compliance behind target',
      '',
      '- Started: 2025-03-03 09:00 UTC',
      '- Difficulty: Hard',
      '- Duration: 1 min 15 s',
      `- Client: Helen Brandt, ${scenario.persona.role}`,
      `- You played: ${scenario.userRole}`,
      `- Score: ${debrief.score}/10 (offline rubric, no AI)`,
      '',
    ]);
  });

  it('has the debrief, criteria table, metrics with references and notes', () => {
    expect(md).toContain(`## Debrief\n\n${debrief.summary}\n`);
    expect(md).toContain('| Owns the gap without blaming client staff | Yes | "We own it." |');
    expect(md).toContain("| Asks a question to understand the COO's priorities | No | — |");
    expect(md).toContain('| Speaking pace | 150 words/min | 140-160 words/min |');
    expect(md).toContain('| Questions asked | 0 | — |');
    expect(md).toContain('- Owners: Sarah will own');
    expect(md).toContain('### Notes\n\n- Scored offline by the rubric');
  });

  it('puts turn tags inline after the utterance they describe', () => {
    expect(md).toContain(
      [
        '## Transcript',
        '',
        '**[0:01] Helen Brandt:** Explain the \\| gap.',
        '',
        '> _Tag: Results · difficulty 4 · skeptical · next probe: Who owns it?_',
        '',
        '**[0:05] You:** We own it. Sarah will own the fix by Friday.',
        '',
        '### Other turn tags',
        '',
        '> _Tag: Plan · difficulty 2 · neutral · next probe: Early tag_',
        '',
      ].join('\n'),
    );
    expect(md.endsWith('Early tag_\n')).toBe(true);
  });

  it('says plainly when a session is unfinished and has no debrief', () => {
    const open = sessionToMarkdown({ ...session, endedAt: null, durationSeconds: null, status: 'unfinished', debrief: null, metrics: null, score: null, items: [], tags: [] });
    expect(open).toContain('- Duration: unfinished (the call never ended)');
    expect(open).toContain('- Score: not scored');
    expect(open).toContain('_No debrief: the session was never ended._');
    expect(open).toContain('## Delivery metrics\n\n_Not measured yet._');
    expect(open).toContain('## Transcript\n\n_Nothing was said._');
  });

  it('says plainly when the call ended before the user said anything', () => {
    const silent = sessionToMarkdown({ ...session, status: 'nothing_said', debrief: null, metrics: null, score: null, items: session.items.filter((i) => i.speaker === 'client'), tags: [] });
    expect(silent).toContain('- Score: not scored (nothing was said)');
    expect(silent).toContain(`## Debrief\n\n_${NOTHING_SAID_NOTE}_`);
    expect(silent).toContain('## Delivery metrics\n\n_Not measured: nothing was said._');
  });

  it('names the file after the scenario and start time', () => {
    expect(sessionMarkdownFileName(session)).toBe('cue-practice-municipal-coo-sic-20250303-0900.md');
  });
});

describe('sessionToMarkdown escaping', () => {
  it('never carries raw HTML or Markdown from scenario fields or speech into the document', () => {
    const s = session;
    const hostile = { ...s, scenarioTitle: '<img src=x onerror=alert(1)>', scenario: { ...s.scenario, userRole: '<script>x</script>' } };
    const out = sessionToMarkdown(hostile);
    expect(out).not.toMatch(/(^|[^\\])<(img|script)/m);
    expect(out).toContain('\\<img src=x onerror=alert(1)\\>');
  });
});
