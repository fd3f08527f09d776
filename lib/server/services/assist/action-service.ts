import 'server-only';
import type { ActionKind } from '@/lib/assist/call/call-types';
import type { ActionDone } from '@/lib/assist/call/call-views';
import type { Database } from '@/lib/server/db/client';
import { orderDetails } from '@/lib/server/db/assist-lookup-queries';
import { assistTickets } from '@/lib/server/db/assist-schema';
import * as q from '@/lib/server/db/assist-call-queries';
import { AssistCallError } from './call-service';

/**
 * An action the agent confirmed. Only here does anything happen: the effect (a ticket row, or
 * an outbox row for mail, fulfilment, the scheduler or a supervisor) and the audit row (who,
 * when, what, result) are written together. A failed precondition is audited as failed.
 */

type Params = Record<string, string | number>;
type Effect = { result: string; outbox: q.OutboxEntry[]; ticket?: { subject: string; priority: 'normal' | 'high' } };

const str = (p: Params, k: string) => (typeof p[k] === 'string' ? (p[k] as string).trim() : typeof p[k] === 'number' ? String(p[k]) : '');

async function plan(db: Database, kind: ActionKind, p: Params, customerId: number | null): Promise<Effect | { failed: string }> {
  const orderNumber = str(p, 'orderNumber');
  const email = str(p, 'email');
  const needsOrder = ['send_replacement', 'send_refund_link', 'send_return_link'].includes(kind);
  if (needsOrder) {
    if (!orderNumber) return { failed: 'No order is attached to this action.' };
    const order = await orderDetails(db, orderNumber);
    if (!order) return { failed: `Order ${orderNumber} is not in the order system.` };
    if (customerId !== null && order.customerId !== customerId) return { failed: `Order ${orderNumber} belongs to another customer.` };
    if (!email) return { failed: 'No email to send it to: find the customer first.' };
    if (kind === 'send_replacement') {
      return {
        result: `Replacement of ${order.lines?.map((l) => l.productName).join(', ') || 'the order'} queued for express shipping; confirmation mail to ${email}.`,
        outbox: [
          { channel: 'fulfilment', payload: { type: 'replacement', orderNumber, shipping: str(p, 'shipping') || 'express', lines: order.lines ?? [] } },
          { channel: 'email', payload: { to: email, template: 'replacement_confirmation', orderNumber } },
        ],
      };
    }
    const link = kind === 'send_refund_link' ? 'refund' : 'return';
    return { result: `${link === 'refund' ? 'Refund' : 'Return'} link for ${orderNumber} queued to ${email}.`, outbox: [{ channel: 'email', payload: { to: email, template: `${link}_link`, orderNumber } }] };
  }
  if (kind === 'create_ticket') {
    if (customerId === null) return { failed: 'Find the customer before creating a ticket.' };
    const subject = str(p, 'subject') || 'Customer call';
    return { result: `Ticket "${subject}" created.`, outbox: [{ channel: 'crm', payload: { type: 'ticket', subject, orderNumber: orderNumber || null } }], ticket: { subject, priority: 'normal' } };
  }
  if (kind === 'escalate') {
    const reason = str(p, 'reason') || 'Escalated by the agent';
    return { result: 'Escalated: a supervisor responds within 2 hours.', outbox: [{ channel: 'supervisor', payload: { reason, orderNumber: orderNumber || null } }], ticket: customerId !== null ? { subject: `Escalation: ${reason}`, priority: 'high' } : undefined };
  }
  const phone = str(p, 'phone');
  if (!phone) return { failed: 'No phone number for the callback.' };
  const when = str(p, 'when') || 'next business day';
  return { result: `Callback to ${phone} scheduled (${when}).`, outbox: [{ channel: 'scheduler', payload: { phone, when } }] };
}

export async function confirmAction(db: Database, input: { callId: string; kind: ActionKind; params: Params }, confirmedBy: string): Promise<ActionDone> {
  const call = await q.getCall(db, input.callId);
  if (!call) throw new AssistCallError('not_found', 'This call is not on record.');
  const planned = await plan(db, input.kind, input.params, call.customerId);
  const failed = 'failed' in planned;
  if (!failed && planned.ticket && call.customerId !== null) {
    await db.insert(assistTickets).values({ customerId: call.customerId, orderNumber: str(input.params, 'orderNumber') || null, subject: planned.ticket.subject, status: 'open', priority: planned.ticket.priority });
  }
  const saved = await q.recordAction(
    db,
    { callId: call.id, kind: input.kind, params: input.params, status: failed ? 'failed' : 'done', confirmedBy, result: failed ? planned.failed : planned.result },
    failed ? [] : planned.outbox,
  );
  return {
    id: saved.id, kind: input.kind, status: failed ? 'failed' : 'done', result: failed ? planned.failed : planned.result,
    confirmedBy, confirmedAt: saved.confirmedAt.toISOString(), outbox: saved.outbox,
  };
}
