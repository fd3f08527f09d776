import { readEscalationMetadata, type PersonaBrief } from '@/lib/contracts/persona-brief';
import type { ObjectionType, TurnTag } from '@/lib/contracts/turn-tag';
import { GENERIC_PERSONA } from './generic-persona';
import { planTurn, type TurnPlan } from './persona-course';
import { escalationLine } from './persona-escalation';
import { press } from './persona-reading';
import type { Reply, ReplyContext, ReplyItem, ReplyPolicy, ReplyToolCall } from './types';

/**
 * The local engine's role-play client ("roleplay-client"). No AI: a deterministic persona
 * played from the persona brief in the session's token (never from the prompt text). It
 * speaks first with the opening line, answers each user turn by reading what the user
 * actually said (owners, dates, numbers, checkpoints, ownership, blame: the debrief's
 * detectors), says the escalation line when the response's metadata asks for one, and tags
 * every turn with tag_turn.
 */

const TAG_TURN = 'tag_turn';

const TOPIC_WORDS: ReadonlyArray<[ObjectionType, RegExp]> = [
  ['Payment', /\b(milestones?|payments?|invoices?|pay|paid|fees?|price|pricing|cost|costs|budget|discount|refund|credits?|money|euros?|eur|dollars?|penalt(?:y|ies))\b/],
  ['Data', /\b(data|dashboards?|reports?|reporting|numbers?|figures?|measured?|measurement|metrics?|audit(?:ed|s)?|checklists?|baseline|statistics)\b/],
  ['Governance', /\b(owners?|own|owns|owning|ownership|responsible|accountable|steering|committee|governance|sponsor|escalat\w*|sign-?off)\b/],
  ['Plan', /\b(plan|plans|planning|next (?:week|month)|monday|tuesday|wednesday|thursday|friday|deadline|timeline|schedule|recovery|roadmap|checkpoints?|rollout|steps?)\b/],
  ['Results', /\b(results?|targets?|percent|compliance|outcomes?|delivered|performance|gap|behind|missed|outage|downtime|availability)\b/],
];

/** The objection family a stretch of speech is about: the first family with a keyword, else null. */
export function topicOf(text: string): ObjectionType | null {
  const lower = text.toLowerCase();
  for (const [type, re] of TOPIC_WORDS) if (re.test(lower)) return type;
  return null;
}

function messages(items: readonly ReplyItem[], role: 'user' | 'assistant'): string[] {
  return items.flatMap((i) => (i.type === 'message' && i.role === role && i.text.trim() !== '' ? [i.text.trim()] : []));
}

/**
 * A user message that came after the persona's last spoken line: typed while the persona was still
 * speaking, it sits before that line's tag call and its output, and still wants an answer (the
 * service's model answers it too).
 */
function hasUnansweredUserTurn(items: readonly ReplyItem[]): boolean {
  const spoken = (i: ReplyItem, role: 'user' | 'assistant') => i.type === 'message' && i.role === role && i.text.trim() !== '';
  return items.findLastIndex((i) => spoken(i, 'user')) > items.findLastIndex((i) => spoken(i, 'assistant'));
}

function hasTool(ctx: ReplyContext): boolean {
  return ctx.tools.some((t) => t.name === TAG_TURN);
}

function tagCall(args: TurnTag): ReplyToolCall {
  return { name: TAG_TURN, arguments: args };
}

function openingPlan(brief: PersonaBrief): TurnPlan {
  const first = brief.objections[0];
  return {
    text: brief.openingLine,
    tag: {
      objection_type: topicOf(brief.openingLine) ?? first?.type ?? 'Results',
      difficulty: brief.tagRange.min,
      sentiment: brief.startingSentiment,
      next_probe: first?.text ?? press(brief.needs),
    },
  };
}

function escalationPlan(brief: PersonaBrief, userTexts: readonly string[], level: number, heard: string | null): TurnPlan {
  const said = userTexts.at(-1) ?? '';
  const text = escalationLine(brief.escalation, userTexts, heard, level, press(brief.needs));
  return {
    text,
    tag: {
      objection_type: topicOf(said) ?? topicOf(text) ?? 'Plan',
      difficulty: brief.tagRange.max,
      sentiment: 'frustrated',
      next_probe: 'Owner, date and checkpoint. Now.',
    },
  };
}

export const roleplayReply: ReplyPolicy = (ctx): Reply => {
  const items = ctx.conversationItems;
  const brief = ctx.persona ?? GENERIC_PERSONA;
  const userTexts = messages(items, 'user');
  const last = items.at(-1);
  const escalation = readEscalationMetadata(ctx.request.metadata);

  let planned: TurnPlan;
  if (escalation) planned = escalationPlan(brief, userTexts, escalation.level, escalation.phrase);
  else if (last?.type === 'function_call_output' && !hasUnansweredUserTurn(items)) return { text: '' }; // this turn is already spoken and tagged
  else if (userTexts.length === 0) planned = openingPlan(brief);
  else planned = planTurn(brief, userTexts, messages(items, 'assistant'));
  const alreadyTagged = last?.type === 'function_call_output' && last.name === TAG_TURN && !hasUnansweredUserTurn(items);
  return { text: planned.text, ...(hasTool(ctx) && !alreadyTagged ? { toolCalls: [tagCall(planned.tag)] } : {}) };
};
