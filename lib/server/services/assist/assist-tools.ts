import 'server-only';
import { tool } from '@openai/agents';
import { z } from 'zod';
import { POLICY_KINDS } from '@/lib/assist/demo/knowledge';
import type { Database } from '@/lib/server/db/client';
import { customerByEmail, customerByOrderNumber, customerByPhone, customersByName, orderDetails } from '@/lib/server/db/assist-lookup-queries';
import { policiesOfKind, searchArticles } from '@/lib/server/db/assist-knowledge-queries';

/**
 * The assist agent's tools, each with zod parameters: the SDK parses the model's arguments with
 * them before execute runs, so a tool never runs on a partial or malformed argument.
 */

const ORDER_NUMBER = /^\d{4}-\d{4}$/;

export function assistTools(db: Database) {
  const lookupCustomer = tool({
    name: 'lookup_customer',
    description: 'Find customers by email, phone (E.164 or US digits) or name. Returns a ranked list (best first), possibly empty.',
    parameters: z.object({ query: z.string().min(3).describe('An email, a phone number or a name') }),
    execute: async ({ query }) => {
      const q = query.trim();
      const exact = q.includes('@') ? await customerByEmail(db, q) : /\d{7,}/.test(q.replace(/\D/g, '')) ? await customerByPhone(db, q) : null;
      const matches = exact ? [exact] : await customersByName(db, q);
      return { matches: matches.map(({ id, fullName, email, tier, status, score }) => ({ id, fullName, email, tier, status, score })) };
    },
  });
  const getOrderDetails = tool({
    name: 'get_order_details',
    description: 'An order by its number (like 4411-2093): status, carrier, tracking, note, lines, and whose it is.',
    parameters: z.object({ order_number: z.string().regex(ORDER_NUMBER, 'An order number looks like 4411-2093.') }),
    execute: async ({ order_number }) => {
      const order = await orderDetails(db, order_number);
      if (!order) return { order: null, error: `No order ${order_number} in the order system.` };
      const owner = await customerByOrderNumber(db, order_number);
      return { order, customer: owner ? { fullName: owner.fullName, tier: owner.tier } : null };
    },
  });
  const checkPolicy = tool({
    name: 'check_policy',
    description: 'The company policy of a kind (returns, refunds, warranty, shipping, sla), the one best matching the topic.',
    parameters: z.object({ kind: z.enum(POLICY_KINDS as [string, ...string[]]), topic: z.string().min(2).describe('What the policy should cover, e.g. "parcel never arrived"') }),
    execute: async ({ kind, topic }) => {
      const policies = await policiesOfKind(db, kind as (typeof POLICY_KINDS)[number]);
      const words = topic.toLowerCase().match(/[a-z]{3,}/g) ?? [];
      const scored = policies.map((p) => ({ p, s: words.filter((w) => `${p.title} ${p.body}`.toLowerCase().includes(w)).length }));
      scored.sort((a, b) => b.s - a.s);
      return { policy: scored[0]?.p ?? null };
    },
  });
  const searchKnowledge = tool({
    name: 'search_knowledge',
    description: 'Search the knowledge base articles; returns the best matches with a snippet and URL.',
    parameters: z.object({ query: z.string().min(3) }),
    execute: async ({ query }) => ({ articles: await searchArticles(db, query) }),
  });
  return [lookupCustomer, getOrderDetails, checkPolicy, searchKnowledge];
}
