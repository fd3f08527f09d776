import { parseCustomerCsv, type RowError } from '@/lib/assist/csv/customer-import';
import type { Database } from './client';
import { assistCustomers } from './assist-schema';

/** Import a customers CSV: valid rows inserted in batches, every rejected row reported with its line. */

export type ImportReport = { ok: true; inserted: number; errors: RowError[] } | { ok: false; message: string };
const BATCH = 1000;

export async function importCustomersCsv(db: Database, text: string): Promise<ImportReport> {
  const parsed = parseCustomerCsv(text);
  if (!parsed.ok) return parsed;
  const errors = [...parsed.errors];
  let inserted = 0;
  for (let i = 0; i < parsed.rows.length; i += BATCH) {
    const batch = parsed.rows.slice(i, i + BATCH);
    const done = await db
      .insert(assistCustomers)
      .values(batch.map((r) => ({ fullName: r.full_name, email: r.email, phone: r.phone ?? null, tier: r.tier, status: r.status, city: r.city ?? null, country: r.country ?? null })))
      .onConflictDoNothing({ target: assistCustomers.email })
      .returning({ email: assistCustomers.email });
    inserted += done.length;
    const kept = new Set(done.map((d) => d.email));
    for (const r of batch) if (!kept.has(r.email)) errors.push({ line: r.line, column: 'email', message: `${r.email} is already a customer; the row was not imported.` });
  }
  errors.sort((a, b) => a.line - b.line);
  return { ok: true, inserted, errors };
}
