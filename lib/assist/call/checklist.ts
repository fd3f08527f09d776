import type { CallAlert, ChecklistState } from './call-types';

/**
 * Call types and their checklists. An item is ticked when the agent says one of its phrases
 * (matched on lower-cased words, punctuation ignored); a required disclosure not said within its
 * time raises an alert until it is said.
 */

type ChecklistItem = { id: string; label: string; phrases: readonly string[]; disclosureWithinSec?: number };
export type CallType = { id: string; label: string; items: readonly ChecklistItem[] };

const GREETING: ChecklistItem = { id: 'greet', label: 'Greet and give your name', phrases: ['thank you for calling', 'thanks for calling', 'my name is', 'this is', 'speaking'] };
const RECORDING: ChecklistItem = {
  id: 'recording_disclosure',
  label: 'Recording disclosure',
  phrases: ['call is recorded', 'call may be recorded', 'being recorded', 'recorded for quality', 'recorded line'],
  disclosureWithinSec: 30,
};
const VERIFY: ChecklistItem = { id: 'verify_identity', label: 'Verify identity', phrases: ['confirm your email', 'verify your', 'confirm your name', 'date of birth', 'confirm the email', 'can you confirm'] };
const EMPATHY: ChecklistItem = { id: 'empathy', label: 'Acknowledge the problem', phrases: ['sorry', 'apologize', 'apologise', 'understand how', 'i understand'] };
const RESOLUTION: ChecklistItem = { id: 'offer_resolution', label: 'Offer a resolution', phrases: ['replacement', 'refund', 'send you', 'ship a new', 'return label', 'i can offer'] };
const CLOSE: ChecklistItem = { id: 'anything_else', label: 'Ask if there is anything else', phrases: ['anything else', 'something else i can', 'help you with today'] };

export const CALL_TYPES: readonly CallType[] = [
  { id: 'order_issue', label: 'Order issue', items: [GREETING, RECORDING, VERIFY, EMPATHY, RESOLUTION, CLOSE] },
  { id: 'billing', label: 'Billing question', items: [GREETING, RECORDING, VERIFY, { id: 'explain_charge', label: 'Explain the charge', phrases: ['the charge', 'authorization', 'authorisation', 'pending'] }, CLOSE] },
  { id: 'general', label: 'General enquiry', items: [GREETING, RECORDING, CLOSE] },
];

export function callTypeOf(id: string): CallType {
  return CALL_TYPES.find((t) => t.id === id) ?? CALL_TYPES[0]!;
}

const words = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim()} `;

/** The checklist after an agent turn said `atSec` seconds into the call; unchanged for customer turns. */
export function tickChecklist(state: ChecklistState, speaker: 'agent' | 'customer', text: string, atSec: number): { state: ChecklistState; ticked: string[] } {
  if (speaker !== 'agent') return { state, ticked: [] };
  const said = words(text);
  const ticked: string[] = [];
  const ticks = { ...state.ticks };
  for (const item of callTypeOf(state.callType).items) {
    if (ticks[item.id] !== undefined) continue;
    if (item.phrases.some((p) => said.includes(` ${p} `) || said.includes(` ${p}`))) {
      ticks[item.id] = atSec;
      ticked.push(item.id);
    }
  }
  return { state: ticked.length ? { ...state, ticks } : state, ticked };
}

/** Disclosure alerts open at `nowSec`: required, not said, and past their time. */
export function disclosureAlerts(state: ChecklistState, nowSec: number): CallAlert[] {
  return callTypeOf(state.callType)
    .items.filter((i) => i.disclosureWithinSec !== undefined && state.ticks[i.id] === undefined && nowSec > i.disclosureWithinSec)
    .map((i) => ({
      id: `disclosure:${i.id}`,
      kind: 'disclosure_missing' as const,
      message: `${i.label} not given within ${i.disclosureWithinSec} s. Say it now.`,
      atSec: i.disclosureWithinSec ?? 0,
    }));
}
