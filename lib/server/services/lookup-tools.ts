import { z } from 'zod';
import { POLICY_KINDS, type PolicyKind } from '@/lib/assist/demo/knowledge';
import type { LookupToolName } from '@/lib/contracts/studio-agent';
import type { Database } from '@/lib/server/db/client';
import { customerByEmail, customerByOrderNumber, customerByPhone, customersByName, orderDetails } from '@/lib/server/db/assist-lookup-queries';
import { policiesOfKind, searchArticles } from '@/lib/server/db/assist-knowledge-queries';

/**
 * The read-only built-in tools (customer lookup, order details, policy check, knowledge search) as
 * plain "run tool X with these arguments on this database" functions, each with its zod parameters.
 * One implementation for every runtime that offers them: the assist agent (assist-tools.ts wraps
 * them as SDK tools), phone calls (lib/server/phone/phone-agent.ts) and the studio's "Try it"
 * (app/actions/studio-try-tools.ts). No `server-only` import: the phone path runs in the custom
 * server, outside Next's module graph.
 */

const ORDER_NUMBER = /^\d{4}-\d{4}$/;

export const lookupToolParameters = {
  lookup_customer: z.object({ query: z.string().min(3).max(200).describe('An email, a phone number, an order number or a name') }),
  get_order_details: z.object({ order_number: z.string().regex(ORDER_NUMBER, 'An order number looks like 4411-2093.') }),
  check_policy: z.object({
    kind: z.enum(POLICY_KINDS as [PolicyKind, ...PolicyKind[]]),
    topic: z.string().min(2).max(300).describe('What the policy should cover, e.g. "parcel never arrived"'),
  }),
  search_knowledge: z.object({ query: z.string().min(3).max(500) }),
} as const satisfies Record<LookupToolName, z.ZodObject>;

type Args<N extends LookupToolName> = z.infer<(typeof lookupToolParameters)[N]>;

export async function lookupCustomer(db: Database, { query }: Args<'lookup_customer'>) {
  const q = query.trim();
  const exact = ORDER_NUMBER.test(q)
    ? await customerByOrderNumber(db, q)
    : q.includes('@')
      ? await customerByEmail(db, q)
      : /\d{7,}/.test(q.replace(/\D/g, ''))
        ? await customerByPhone(db, q)
        : null;
  const matches = exact ? [exact] : await customersByName(db, q);
  return { matches: matches.map(({ id, fullName, email, tier, status, score }) => ({ id, fullName, email, tier, status, score })) };
}

export async function getOrderDetails(db: Database, { order_number }: Args<'get_order_details'>) {
  const order = await orderDetails(db, order_number);
  if (!order) return { order: null, error: `No order ${order_number} in the order system.` };
  const owner = await customerByOrderNumber(db, order_number);
  return { order, customer: owner ? { fullName: owner.fullName, tier: owner.tier } : null };
}

export async function checkPolicy(db: Database, { kind, topic }: Args<'check_policy'>) {
  const policies = await policiesOfKind(db, kind);
  const words = topic.toLowerCase().match(/[a-z]{3,}/g) ?? [];
  const scored = policies.map((p) => ({ p, s: words.filter((w) => `${p.title} ${p.body}`.toLowerCase().includes(w)).length }));
  scored.sort((a, b) => b.s - a.s);
  return { policy: scored[0]?.p ?? null };
}

export async function searchKnowledge(db: Database, { query }: Args<'search_knowledge'>) {
  return { articles: await searchArticles(db, query) };
}

const runners: { [N in LookupToolName]: (db: Database, args: Args<N>) => Promise<unknown> } = {
  lookup_customer: lookupCustomer,
  get_order_details: getOrderDetails,
  check_policy: checkPolicy,
  search_knowledge: searchKnowledge,
};

export type LookupOutcome = { ok: boolean; result: unknown };

/**
 * Run one lookup tool on raw arguments (a model's, or a browser's): validated with the tool's zod
 * parameters first; invalid arguments, a missing database and a failing query all come back as an
 * `{ error }` result (ok false) the agent apologises for. Never throws.
 */
export async function runLookupTool(db: Database | (() => Promise<Database>), name: LookupToolName, args: unknown): Promise<LookupOutcome> {
  const parsed = lookupToolParameters[name].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, result: { error: `invalid arguments: ${issue?.path.join('.') || 'arguments'} ${issue?.message ?? ''}`.trim() } };
  }
  try {
    const database = typeof db === 'function' ? await db() : db;
    const run = runners[name] as (db: Database, args: unknown) => Promise<unknown>;
    const result = await run(database, parsed.data);
    return { ok: true, result };
  } catch (error) {
    console.warn(`[lookup-tools] ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, result: { error: `the ${name.replace(/_/g, ' ')} lookup failed (the database did not answer)` } };
  }
}
