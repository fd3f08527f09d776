import { z } from 'zod';

/** Shapes shared by the assist call's pure logic, the database columns and the server actions. */

const SPEAKERS = ['agent', 'customer'] as const;
/** Where a line came from: the agent's microphone, the customer's audio (softphone tab), or typed. */
const TURN_SOURCES = ['mic', 'tab', 'typed'] as const;
export type TurnSource = (typeof TURN_SOURCES)[number];

/** Ticked checklist items: item id -> seconds into the call when it was said. */
export type ChecklistState = { callType: string; ticks: Record<string, number> };

type CallAlertKind = 'disclosure_missing' | 'pii_spoken';
export type CallAlert = { id: string; kind: CallAlertKind; message: string; atSec: number };

export type CallSummary = { reason: string; resolution: string; followUps: string[] };

export const DISPOSITIONS = ['resolved', 'replacement_sent', 'refund_issued', 'escalated', 'callback_scheduled', 'unresolved'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

const ACTION_KINDS = ['create_ticket', 'send_return_link', 'send_refund_link', 'send_replacement', 'escalate', 'schedule_callback'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

const callSummarySchema = z.object({
  reason: z.string().trim().min(1, 'Say why the customer called.').max(2000),
  resolution: z.string().trim().min(1, 'Say how the call ended.').max(2000),
  followUps: z.array(z.string().trim().min(1).max(500)).max(20),
});

export const addTurnInputSchema = z.object({
  callId: z.uuid(),
  speaker: z.enum(SPEAKERS),
  source: z.enum(TURN_SOURCES),
  text: z.string().trim().min(1, 'Nothing was said.').max(4000, 'One turn takes at most 4,000 characters.'),
});
export type AddTurnInput = z.input<typeof addTurnInputSchema>;

export const startCallInputSchema = z.object({ callType: z.string().min(1).max(40) });

export const confirmActionInputSchema = z.object({
  callId: z.uuid(),
  kind: z.enum(ACTION_KINDS),
  params: z.record(z.string(), z.union([z.string().max(500), z.number()])),
});
export type ConfirmActionInput = z.input<typeof confirmActionInputSchema>;

export const saveCallInputSchema = z.object({
  callId: z.uuid(),
  summary: callSummarySchema,
  disposition: z.enum(DISPOSITIONS),
  crmNote: z.string().trim().min(1, 'The CRM note is empty.').max(8000),
});
export type SaveCallInput = z.input<typeof saveCallInputSchema>;

/** A customer as the panel shows it. */
export type CustomerCard = {
  id: number;
  fullName: string;
  email: string;
  phone: string | null;
  tier: string;
  status: string;
  city: string | null;
  country: string | null;
};
export type OrderLineView = { sku: string; productName: string; quantity: number; unitPriceCents: number };
export type OrderView = {
  orderNumber: string;
  status: string;
  placedAt: string;
  totalCents: number;
  currency: string;
  carrier: string | null;
  trackingNumber: string | null;
  note: string | null;
  lines?: OrderLineView[];
};
export type TicketView = { id: number; subject: string; status: string; priority: string; orderNumber: string | null; createdAt: string };
export type CustomerContext = { customer: CustomerCard; orders: OrderView[]; tickets: TicketView[]; focusOrder: OrderView | null };
/** A ranked candidate when a lookup matches several customers. */
export type CustomerMatch = CustomerCard & { score: number; matchedOn: 'order' | 'email' | 'phone' | 'name' };
