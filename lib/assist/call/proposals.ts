import type { ActionKind, CustomerContext } from './call-types';

/**
 * Action cards the assistant proposes from what the customer said and what the systems of record
 * show. Proposals only: nothing happens until the agent confirms one.
 */

export type ActionProposal = { kind: ActionKind; title: string; reason: string; params: Record<string, string> };

const LOST = /never (arrived|came|got here|showed up|received)|hasn'?t (arrived|come)|didn'?t (arrive|get it|receive)|not (arrived|delivered|received)|lost|missing|where is my/i;
const RETURN = /\breturn|send (it|this) back|exchange/i;
const REFUND = /\brefund|money back/i;
const ESCALATE = /supervisor|manager|escalate|complaint/i;
const CALLBACK = /call (me )?back|callback|another time|later today|tomorrow/i;

export const ACTION_TITLES: Record<ActionKind, string> = {
  create_ticket: 'Create ticket',
  send_return_link: 'Send return link',
  send_refund_link: 'Send refund link',
  send_replacement: 'Send replacement',
  escalate: 'Escalate to supervisor',
  schedule_callback: 'Schedule callback',
};

export function proposeActions(customerText: string, ctx: CustomerContext | null): ActionProposal[] {
  const order = ctx?.focusOrder ?? null;
  const email = ctx?.customer.email ?? '';
  const on: Record<string, string> = order ? { orderNumber: order.orderNumber } : {};
  const out: ActionProposal[] = [];
  const add = (kind: ActionKind, reason: string, params: Record<string, string>) => {
    if (!out.some((p) => p.kind === kind)) out.push({ kind, title: ACTION_TITLES[kind], reason, params });
  };
  if (order && LOST.test(customerText) && ['shipped', 'lost'].includes(order.status)) {
    add('send_replacement', `Order ${order.orderNumber} is ${order.status} and did not arrive: the shipping policy allows a free express replacement.`, { ...on, email, shipping: 'express' });
    add('send_refund_link', 'Or a full refund to the original payment method (shipping policy).', { ...on, email });
  }
  if (order && RETURN.test(customerText) && order.status === 'delivered') add('send_return_link', `Order ${order.orderNumber} was delivered: returns are open for 30 days.`, { ...on, email });
  if (order && REFUND.test(customerText)) add('send_refund_link', 'The customer asked for a refund.', { ...on, email });
  if (ESCALATE.test(customerText)) add('escalate', 'The customer asked for a supervisor.', { ...on, reason: 'Customer requested a supervisor' });
  if (CALLBACK.test(customerText)) add('schedule_callback', 'The customer asked to be called back.', { ...on, phone: ctx?.customer.phone ?? '', when: 'next business day' });
  if (ctx) add('create_ticket', 'Log the contact on the customer record.', { ...on, subject: order ? `Call about order ${order.orderNumber}` : 'Customer call' });
  return out;
}
