import type { CustomerContext } from '../call/call-types';
import type { Entities } from '../entities/detect';

/**
 * What one suggestion run is given: the last N turns (each capped) plus the customer context and
 * the entities heard, in a fixed layout, so the request size stays constant however long the call
 * runs. The machine-readable block is what the local model reads; a real model reads it as text.
 */

export const SUGGEST_TURNS = 8;
const TURN_CHARS = 280;
const STATE_MARKER = 'CALL_STATE_JSON:';

export type SuggestTurn = { speaker: 'agent' | 'customer'; text: string };
export type SuggestState = {
  lastCustomerUtterance: string;
  entities: Entities;
  customer: { name: string; tier: string; status: string; email: string } | null;
  focusOrder: { orderNumber: string; status: string; carrier: string | null; note: string | null; placedAt: string } | null;
  /** A question the agent asked the assistant (Quick answer / typed), if any. */
  agentQuestion: string | null;
};

const cap = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function buildSuggestState(turns: readonly SuggestTurn[], entities: Entities, ctx: CustomerContext | null, agentQuestion: string | null = null): SuggestState {
  const last = [...turns].reverse().find((t) => t.speaker === 'customer');
  return {
    lastCustomerUtterance: cap(last?.text ?? '', TURN_CHARS),
    entities: {
      orderNumbers: entities.orderNumbers.slice(0, 3), emails: entities.emails.slice(0, 3), phones: entities.phones.slice(0, 3), names: entities.names.slice(0, 3),
    },
    customer: ctx ? { name: ctx.customer.fullName, tier: ctx.customer.tier, status: ctx.customer.status, email: ctx.customer.email } : null,
    focusOrder: ctx?.focusOrder
      ? { orderNumber: ctx.focusOrder.orderNumber, status: ctx.focusOrder.status, carrier: ctx.focusOrder.carrier, note: ctx.focusOrder.note ? cap(ctx.focusOrder.note, 200) : null, placedAt: ctx.focusOrder.placedAt }
      : null,
    agentQuestion: agentQuestion ? cap(agentQuestion, TURN_CHARS) : null,
  };
}

export function buildSuggestInput(turns: readonly SuggestTurn[], state: SuggestState): string {
  const recent = turns.slice(-SUGGEST_TURNS).map((t) => `${t.speaker === 'agent' ? 'Agent' : 'Customer'}: ${cap(t.text, TURN_CHARS)}`);
  return [
    state.agentQuestion ? `The agent asks: ${state.agentQuestion}` : 'Suggest what the agent should say next to the customer.',
    '',
    `Last ${recent.length} turns:`,
    ...recent,
    '',
    `${STATE_MARKER} ${JSON.stringify(state)}`,
  ].join('\n');
}

export function parseSuggestState(input: string): SuggestState | null {
  const at = input.lastIndexOf(STATE_MARKER);
  if (at < 0) return null;
  try {
    return JSON.parse(input.slice(at + STATE_MARKER.length).trim()) as SuggestState;
  } catch {
    return null;
  }
}

export const ASSIST_INSTRUCTIONS = [
  'You help a customer-support agent who is on a live call. Suggest the next thing the agent should say: one to three sentences, spoken style.',
  'Look things up before you answer: lookup_customer (by email, phone or name), get_order_details (by order number), check_policy (returns, refunds, warranty, shipping, sla) and search_knowledge.',
  'Call a tool only when you have its full argument (a complete order number like 4411-2093, a whole email). Never invent order facts or policy terms.',
  'End the reply with the source it rests on, as (Source: <policy or article title>).',
].join('\n');
