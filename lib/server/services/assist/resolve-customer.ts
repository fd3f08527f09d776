import type { CustomerMatch } from '@/lib/assist/call/call-types';
import type { Entities } from '@/lib/assist/entities/detect';
import type { Database } from '@/lib/server/db/client';
import { customerByEmail, customerByOrderNumber, customerByPhone, customersByName } from '@/lib/server/db/assist-lookup-queries';

/**
 * From the entities of one turn to customers: exact matches (order, email, phone) first, then
 * ranked name matches. One confident match is "the" customer; several are a ranked choice.
 * Lookups that found nothing are reported in words ("No order 1234-5678").
 */

export type Resolution = { match: CustomerMatch | null; candidates: CustomerMatch[]; notFound: string[] };

const LOOKUP_TIMEOUT_MS = 2000;

async function timed<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The lookup of ${what} took longer than ${LOOKUP_TIMEOUT_MS / 1000} s.`)), LOOKUP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function resolveCustomer(db: Database, e: Entities): Promise<Resolution> {
  const notFound: string[] = [];
  const exact: CustomerMatch[] = [];
  const settle = async (what: string, p: Promise<CustomerMatch | null>, missing: string) => {
    try {
      const m = await timed(what, p);
      if (m) exact.push(m);
      else notFound.push(missing);
    } catch (error) {
      notFound.push(error instanceof Error ? error.message : String(error));
    }
  };
  await Promise.all([
    ...e.orderNumbers.map((n) => settle(`order ${n}`, customerByOrderNumber(db, n), `No order ${n} in the order system.`)),
    ...e.emails.map((m) => settle(m, customerByEmail(db, m), `No customer with the email ${m}.`)),
    ...e.phones.map((p) => settle(p, customerByPhone(db, p), `No customer with the phone ${p}.`)),
  ]);
  const unique = new Map<number, CustomerMatch>();
  for (const m of exact) if (!unique.has(m.id)) unique.set(m.id, m);
  if (unique.size === 1) return { match: [...unique.values()][0]!, candidates: [], notFound };
  if (unique.size > 1) return { match: null, candidates: [...unique.values()], notFound };
  const byName: CustomerMatch[] = [];
  for (const name of e.names) {
    try {
      byName.push(...(await timed(name, customersByName(db, name))));
    } catch (error) {
      notFound.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (e.names.length && byName.length === 0) notFound.push(`No customer named like ${e.names.join(', ')}.`);
  byName.sort((a, b) => b.score - a.score);
  const [best, second] = byName;
  if (best && best.score >= 0.75 && (!second || best.score - second.score >= 0.2)) return { match: best, candidates: [], notFound };
  return { match: null, candidates: byName.slice(0, 5), notFound };
}
