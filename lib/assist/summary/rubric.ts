import type { CallSummary, Disposition } from '../call/call-types';
import { ACTION_TITLES } from '../call/proposals';
import type { ActionKind } from '../call/call-types';

/**
 * The after-call draft without a model: reason from the customer's first substantive turn and the
 * order, resolution and disposition from the actions the agent confirmed, follow-ups from what
 * those actions promise, and a CRM note in the usual layout. The agent edits it before saving.
 */

type SummaryTurn = { speaker: 'agent' | 'customer'; text: string };
export type SummaryInput = {
  turns: readonly SummaryTurn[];
  customerName: string | null;
  orderNumber: string | null;
  actions: readonly { kind: ActionKind; status: 'done' | 'failed'; result: string }[];
  durationSec: number;
};
export type SummaryDraft = { summary: CallSummary; disposition: Disposition; crmNote: string };

const FOLLOW_UPS: Partial<Record<ActionKind, (order: string) => string>> = {
  send_replacement: (o) => `Confirm the replacement for ${o} is delivered (ships within 1 business day).`,
  send_refund_link: (o) => `Check the refund for ${o} is completed within 5-7 business days.`,
  send_return_link: (o) => `Watch for the return of ${o} to be scanned, then refund.`,
  escalate: () => 'Supervisor to respond within 2 hours.',
  schedule_callback: () => 'Call the customer back at the scheduled time.',
  create_ticket: () => 'Keep the ticket updated until it is closed.',
};

const DISPOSITION_ORDER: [ActionKind, Disposition][] = [
  ['escalate', 'escalated'], ['send_replacement', 'replacement_sent'], ['send_refund_link', 'refund_issued'],
  ['send_return_link', 'resolved'], ['schedule_callback', 'callback_scheduled'], ['create_ticket', 'unresolved'],
];

function firstSentence(text: string): string {
  const s = text.split(/(?<=[.!?])\s+/)[0] ?? text;
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}

export function draftSummary(input: SummaryInput): SummaryDraft {
  const done = input.actions.filter((a) => a.status === 'done');
  const customerTurns = input.turns.filter((t) => t.speaker === 'customer' && t.text.split(/\s+/).length >= 3);
  const order = input.orderNumber ?? 'the order';
  const said = customerTurns[0] ? firstSentence(customerTurns[0].text) : 'No customer statement was captured.';
  const reason = input.orderNumber ? `Order ${input.orderNumber}: ${said}` : said;
  const resolution = done.length
    ? done.map((a) => `${ACTION_TITLES[a.kind]}: ${a.result}`).join(' ')
    : 'No action was taken on the call.';
  const followUps = [...new Set(done.map((a) => FOLLOW_UPS[a.kind]?.(order)).filter((f): f is string => Boolean(f)))];
  const kinds = new Set(done.map((a) => a.kind));
  const disposition = DISPOSITION_ORDER.find(([k]) => kinds.has(k))?.[1] ?? (customerTurns.length ? 'unresolved' : 'resolved');
  const minutes = Math.max(1, Math.round(input.durationSec / 60));
  const crmNote = [
    `Call with ${input.customerName ?? 'unidentified customer'} (${minutes} min).`,
    `Reason: ${reason}`,
    `Resolution: ${resolution}`,
    followUps.length ? `Follow-ups:\n${followUps.map((f) => `- ${f}`).join('\n')}` : 'Follow-ups: none.',
    `Disposition: ${disposition.replaceAll('_', ' ')}.`,
  ].join('\n');
  return { summary: { reason, resolution, followUps }, disposition, crmNote };
}
