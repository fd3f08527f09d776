import 'server-only';
import { tool } from '@openai/agents';
import type { Database } from '@/lib/server/db/client';
import { checkPolicy, getOrderDetails, lookupCustomer, lookupToolParameters, searchKnowledge } from '@/lib/server/services/lookup-tools';

/**
 * The assist agent's tools, each with zod parameters: the SDK parses the model's arguments with
 * them before execute runs, so a tool never runs on a partial or malformed argument. The lookups
 * themselves are shared with phone calls and the studio's Try it (../lookup-tools).
 */
export function assistTools(db: Database) {
  return [
    tool({
      name: 'lookup_customer',
      description: 'Find customers by email, phone (E.164 or US digits), order number or name. Returns a ranked list (best first), possibly empty.',
      parameters: lookupToolParameters.lookup_customer,
      execute: (args) => lookupCustomer(db, args),
    }),
    tool({
      name: 'get_order_details',
      description: 'An order by its number (like 4411-2093): status, carrier, tracking, note, lines, and whose it is.',
      parameters: lookupToolParameters.get_order_details,
      execute: (args) => getOrderDetails(db, args),
    }),
    tool({
      name: 'check_policy',
      description: 'The company policy of a kind (returns, refunds, warranty, shipping, sla), the one best matching the topic.',
      parameters: lookupToolParameters.check_policy,
      execute: (args) => checkPolicy(db, args),
    }),
    tool({
      name: 'search_knowledge',
      description: 'Search the knowledge base articles; returns the best matches with a snippet and URL.',
      parameters: lookupToolParameters.search_knowledge,
      execute: (args) => searchKnowledge(db, args),
    }),
  ];
}
