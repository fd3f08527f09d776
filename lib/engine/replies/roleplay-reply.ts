import { findSpecifics } from '@/lib/shared/specifics';
import {
  parseEscalationDirective,
  parsePersonaBrief,
  PERSONA_SENTIMENTS,
  type PersonaBrief,
  type PersonaObjection,
  type PersonaObjectionType,
  type PersonaSentiment,
} from './persona-instructions';
import { firstWords, lastUserText } from './text-utils';
import type { Reply, ReplyContext, ReplyItem, ReplyPolicy, ReplyToolCall } from './types';

/**
 * The local engine's role-play client ("roleplay-client"). No AI: a deterministic
 * persona read from the instructions the app sent. It speaks first with the opening
 * line, answers each user turn with a short demanding reply that quotes the user and
 * raises an objection from the scenario's bank, says the escalation line when the
 * response's instructions carry one, and tags every turn with tag_turn (objection type,
 * difficulty, sentiment, next probe) derived from the user's words.
 */

export const TAG_TURN = 'tag_turn';

export type TurnTagArgs = { objection_type: PersonaObjectionType; difficulty: number; sentiment: PersonaSentiment; next_probe: string };

const TOPIC_WORDS: ReadonlyArray<[PersonaObjectionType, RegExp]> = [
  ['Payment', /\b(milestones?|payments?|invoices?|pay|paid|fees?|price|pricing|cost|costs|budget|discount|refund|credits?|money|euros?|eur|dollars?|penalt(?:y|ies))\b/],
  ['Data', /\b(data|dashboards?|reports?|reporting|numbers?|figures?|measured?|measurement|metrics?|audit(?:ed|s)?|checklists?|baseline|statistics)\b/],
  ['Governance', /\b(owners?|own|owns|owning|ownership|responsible|accountable|steering|committee|governance|sponsor|escalat\w*|sign-?off)\b/],
  ['Plan', /\b(plan|plans|planning|next (?:week|month)|monday|tuesday|wednesday|thursday|friday|deadline|timeline|schedule|recovery|roadmap|checkpoints?|rollout|steps?)\b/],
  ['Results', /\b(results?|targets?|percent|compliance|outcomes?|delivered|performance|gap|behind|missed|outage|downtime|availability)\b/],
];

/** The objection family a stretch of speech is about: the first family with a keyword, else null. */
export function topicOf(text: string): PersonaObjectionType | null {
  const lower = text.toLowerCase();
  for (const [type, re] of TOPIC_WORDS) if (re.test(lower)) return type;
  return null;
}

export type Specificity = { owner: boolean; date: boolean; number: boolean; checkpoint: boolean; count: number };

export function specificityOf(text: string): Specificity {
  const kinds = new Set(findSpecifics(text).map((m) => m.kind));
  const s = { owner: kinds.has('owner'), date: kinds.has('date'), number: kinds.has('number'), checkpoint: kinds.has('checkpoint') };
  return { ...s, count: [s.owner, s.date, s.number, s.checkpoint].filter(Boolean).length };
}

function sentenceCount(text: string): number {
  return text.split(/[.!?]+(?:\s|$)/).filter((s) => s.trim() !== '').length;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Mood after each user turn: specific answers (two kinds or more) calm the client, vague ones (none) annoy it. */
export function moodAfter(userTexts: readonly string[], start: PersonaSentiment): PersonaSentiment {
  let index = PERSONA_SENTIMENTS.indexOf(start);
  for (const text of userTexts) {
    const { count } = specificityOf(text);
    if (count >= 2) index -= 1;
    else if (count === 0) index += 1;
    index = clamp(index, 0, PERSONA_SENTIMENTS.length - 1);
  }
  return PERSONA_SENTIMENTS[index] ?? start;
}

/** Objection n (0-based) of a type, cycling; any objection when the bank has none of that type. */
export function pickObjection(bank: readonly PersonaObjection[], type: PersonaObjectionType | null, n: number): PersonaObjection | null {
  const ofType = type ? bank.filter((o) => o.type === type) : [];
  const pool = ofType.length > 0 ? ofType : bank;
  if (pool.length === 0) return null;
  return pool[((n % pool.length) + pool.length) % pool.length] ?? null;
}

/** What the client will press on next: the first missing specific, else the next objection in the bank. */
export function nextProbe(spec: Specificity, bank: readonly PersonaObjection[], userTurns: number): string {
  if (!spec.owner) return 'Who owns it? One name.';
  if (!spec.date) return 'By when? Give me a date.';
  if (!spec.checkpoint) return 'What checkpoint tells me it is working?';
  return bank[userTurns % Math.max(1, bank.length)]?.text ?? 'What is the biggest risk left?';
}

function userTexts(items: readonly ReplyItem[]): string[] {
  return items.flatMap((i) => (i.type === 'message' && i.role === 'user' && i.text.trim() !== '' ? [i.text.trim()] : []));
}

function hasTool(ctx: ReplyContext): boolean {
  return ctx.tools.some((t) => t.name === TAG_TURN);
}

function tagCall(args: TurnTagArgs): ReplyToolCall {
  return { name: TAG_TURN, arguments: args };
}

function openingReply(brief: PersonaBrief): { text: string; tag: TurnTagArgs } {
  const text = brief.openingLine ?? `${brief.name ? `${brief.name} here. ` : ''}You asked for this call. Tell me where we stand.`;
  const first = brief.objections[0];
  return {
    text,
    tag: {
      objection_type: topicOf(text) ?? first?.type ?? 'Results',
      difficulty: brief.tagRange.min,
      sentiment: brief.startingSentiment,
      next_probe: first?.text ?? 'Where do we stand against the target?',
    },
  };
}

function turnReply(brief: PersonaBrief, said: string, saidBefore: readonly string[]): { text: string; tag: TurnTagArgs } {
  const userTurns = saidBefore.length + 1;
  const spec = specificityOf(said);
  const topic = topicOf(said);
  // Press where the answer is weakest: no owner -> Governance, no date -> Plan, else stay on the user's topic.
  const pressOn: PersonaObjectionType | null = !spec.owner ? 'Governance' : !spec.date ? 'Plan' : topic;
  const objection = pickObjection(brief.objections, pressOn, userTurns - 1);
  const interrupt = sentenceCount(said) > brief.interruptAfterSentences && spec.count === 0;
  const demand = spec.count === 0 ? ' No owner, no date, no number.' : !spec.owner || !spec.date ? ' I need an owner and a date.' : '';
  const text = `${interrupt ? 'Stop. ' : ''}You said: "${firstWords(said, 12)}".${demand} ${objection?.text ?? 'What exactly changes, and when?'}`;
  const pressure = Math.floor(userTurns / brief.escalateEvery) + (spec.count === 0 ? 1 : 0);
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    tag: {
      objection_type: objection?.type ?? pressOn ?? 'Results',
      difficulty: clamp(brief.tagRange.min + pressure, brief.tagRange.min, brief.tagRange.max),
      sentiment: moodAfter([...saidBefore, said], brief.startingSentiment),
      next_probe: nextProbe(spec, brief.objections, userTurns),
    },
  };
}

export const roleplayReply: ReplyPolicy = (ctx): Reply => {
  const items = ctx.conversationItems;
  const brief = parsePersonaBrief(ctx.instructions);
  const texts = userTexts(items);
  const last = items.at(-1);
  const escalation = parseEscalationDirective(ctx.request.responseInstructions);

  let planned: { text: string; tag: TurnTagArgs };
  if (escalation) {
    const said = texts.at(-1) ?? '';
    planned = {
      text: escalation.line,
      tag: {
        objection_type: topicOf(said) ?? topicOf(escalation.line) ?? 'Plan',
        difficulty: brief.tagRange.max,
        sentiment: 'frustrated',
        next_probe: 'Owner, date and checkpoint. Now.',
      },
    };
  } else if (last?.type === 'function_call_output') {
    // This turn is already spoken and tagged; the persona has nothing to add.
    return { text: '' };
  } else if (texts.length === 0) {
    planned = openingReply(brief);
  } else {
    const said = lastUserText(items) ?? '';
    planned = turnReply(brief, said, texts.slice(0, -1));
  }
  const alreadyTagged = last?.type === 'function_call_output' && last.name === TAG_TURN;
  return { text: planned.text, ...(hasTool(ctx) && !alreadyTagged ? { toolCalls: [tagCall(planned.tag)] } : {}) };
};
