import { Agent, type Model } from '@openai/agents';
import { formatClock } from '@/lib/shared/format';
import { debriefModelOutputSchema } from '@/lib/contracts/debrief';
import type { DebriefInput } from '@/lib/contracts/debrief';
import { metricRows } from '@/lib/shared/metric-references';
import { findEscalationTrigger } from '@/lib/shared/escalation-phrases';
import { sortTranscript } from '@/lib/shared/transcript';
import type { StoredTurnTag, TurnTag } from '@/lib/contracts/turn-tag';

/** The post-call coach: a text agent with a structured output, run on the server by lib/server/services/run-debrief.ts. */

export const DEBRIEF_MODEL = 'gpt-4.1-mini';

export const DEBRIEF_COACH_INSTRUCTIONS = [
  'You are an executive communication coach reviewing a practice call.',
  'The CONSULTANT is the person you coach; the CLIENT is a simulated senior executive pressure-testing them.',
  'Judge only what the consultant said. Be direct and specific; no flattery, no generic advice.',
  'For each success criterion, in the order given: met is true only if the consultant clearly did it.',
  "Evidence must be a short verbatim quote from a CONSULTANT line (copy the words exactly); use an empty string when nothing close was said.",
  'Score 1-10 for the whole call. Calibrate to the difficulty: on hard, a calm, specific answer under pressure deserves more credit;',
  'on easy, expect owners, dates and checkpoints without prompting. A consultant who blames others or hides behind excuses scores 4 or less.',
  'The delivery metrics were measured by the app: use them as facts, do not recompute or contradict them.',
  'Strengths and improvements: 1 to 4 items each, each one sentence, tied to a moment in the call. Key takeaway: one sentence.',
].join('\n');

export function createDebriefCoach(model: string | Model = DEBRIEF_MODEL) {
  return new Agent({
    name: 'Debrief coach',
    instructions: DEBRIEF_COACH_INSTRUCTIONS,
    outputType: debriefModelOutputSchema,
    model,
  });
}


function formatTag(t: TurnTag): string {
  return `[tag: ${t.objection_type}, difficulty ${t.difficulty}, ${t.sentiment}; next probe: ${t.next_probe}]`;
}

function hasItemId(t: TurnTag | StoredTurnTag): t is StoredTurnTag {
  return 'itemId' in t && typeof t.itemId === 'string';
}

/** The agent's input: scenario, criteria, measured metrics and the transcript with turn tags inline. Pure. */
export function buildDebriefInput({ scenario, difficulty, transcript, tags, metrics }: DebriefInput): string {
  const items = sortTranscript(
    transcript.map((i, n) => ({ ...i, seq: i.seq ?? n, itemId: i.itemId ?? String(n).padStart(6, '0') })),
  ).filter((i) => i.text.trim());
  const t0 = items[0]?.startedAt.getTime() ?? 0;
  const tagsByItem = new Map<string, TurnTag[]>();
  const unplaced: TurnTag[] = [];
  for (const t of tags) {
    if (hasItemId(t) && t.itemId && items.some((i) => i.itemId === t.itemId)) {
      tagsByItem.set(t.itemId, [...(tagsByItem.get(t.itemId) ?? []), t]);
    } else unplaced.push(t);
  }
  const lines = items.flatMap((i) => {
    const who = i.speaker === 'user' ? 'CONSULTANT' : 'CLIENT';
    const line = `[${formatClock(i.startedAt.getTime() - t0)}] ${who}: ${i.text.trim()}`;
    return [line, ...(tagsByItem.get(i.itemId) ?? []).map((t) => `    ${formatTag(t)}`)];
  });
  const triggers = items
    .filter((i) => i.speaker === 'user')
    .flatMap((i) => {
      const m = findEscalationTrigger(i.text, scenario.escalation.triggerPhrases);
      return m ? [`"${m.phrase}" at ${formatClock(i.startedAt.getTime() - t0)}`] : [];
    });
  const metricLines = metricRows(metrics).map((r) => {
    const value = r.value === null ? 'not measurable' : `${r.value}${r.unit ? ` ${r.unit}` : ''}`;
    return `- ${r.label}: ${value}${r.range ? ` (reference ${r.range.min}-${r.range.max})` : ''}`;
  });

  return [
    `Scenario: ${scenario.title} (difficulty: ${difficulty})`,
    `Client: ${scenario.persona.name}, ${scenario.persona.role}`,
    `Consultant's role: ${scenario.userRole}`,
    `Situation: ${scenario.summary}`,
    '',
    'Success criteria (one verdict each, in this order, criterion text copied exactly):',
    ...scenario.successCriteria.map((c, n) => `${n + 1}. ${c.text}`),
    '',
    'Delivery metrics (measured by the app):',
    ...metricLines,
    `- Escalation trigger phrases the consultant used: ${triggers.length ? triggers.join(', ') : 'none'}`,
    '',
    'Transcript, with the client\'s own turn tags:',
    ...(lines.length ? lines : ['(no speech recorded)']),
    ...(unplaced.length ? ['', 'Other turn tags, in order:', ...unplaced.map((t) => `- ${formatTag(t)}`)] : []),
  ].join('\n');
}
