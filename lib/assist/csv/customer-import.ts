import { z } from 'zod';
import { parseCsv } from './parse-csv';

/**
 * A customers CSV (header row: full_name,email,phone,tier,status,city,country; phone, tier, status,
 * city and country optional) checked row by row: good rows are kept, every bad one is reported with
 * its line, column and reason, and nothing is silently dropped.
 */

const CUSTOMER_CSV_COLUMNS = ['full_name', 'email', 'phone', 'tier', 'status', 'city', 'country'] as const;
const REQUIRED = ['full_name', 'email'] as const;
const MAX_IMPORT_ROWS = 50_000;

const optional = (schema: z.ZodType<string>) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const rowSchema = z.object({
  full_name: z.string().trim().min(2, 'A name needs at least 2 characters.').max(200),
  email: z.string().trim().toLowerCase().pipe(z.email('Not an email address.')),
  phone: optional(z.string().trim().regex(/^\+[1-9]\d{7,14}$/, 'Phone must be E.164, like +14155550123.')),
  tier: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['standard', 'silver', 'gold', 'platinum'], 'Tier must be standard, silver, gold or platinum.').default('standard')),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['active', 'suspended', 'closed'], 'Status must be active, suspended or closed.').default('active')),
  city: optional(z.string().trim().max(100)),
  country: optional(z.string().trim().regex(/^[A-Z]{2}$/, 'Country must be a 2-letter code, like US.')),
});
type ImportCustomer = z.output<typeof rowSchema>;
export type RowError = { line: number; column: string; message: string };
export type CustomerCsvResult = { ok: true; rows: (ImportCustomer & { line: number })[]; errors: RowError[] } | { ok: false; message: string };

export function parseCustomerCsv(text: string): CustomerCsvResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, message: 'The file is empty: expected a header row (full_name,email,...).' };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CUSTOMER_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) return { ok: false, message: `Unknown column(s): ${unknown.join(', ')}. Allowed: ${CUSTOMER_CSV_COLUMNS.join(', ')}.` };
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) return { ok: false, message: `Missing required column(s): ${missing.join(', ')}.` };
  if (records.length > MAX_IMPORT_ROWS) return { ok: false, message: `At most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows per import; this file has ${records.length.toLocaleString('en-US')}.` };
  const rows: (ImportCustomer & { line: number })[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.fields.length !== columns.length) {
      errors.push({ line: record.line, column: '(row)', message: `Expected ${columns.length} fields, found ${record.fields.length}.` });
      continue;
    }
    const raw = Object.fromEntries(columns.map((c, i) => [c, record.fields[i]]));
    const result = rowSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) errors.push({ line: record.line, column: String(issue.path[0] ?? '(row)'), message: issue.message });
      continue;
    }
    const first = seen.get(result.data.email);
    if (first !== undefined) {
      errors.push({ line: record.line, column: 'email', message: `The same email is already on line ${first}.` });
      continue;
    }
    seen.set(result.data.email, record.line);
    rows.push({ ...result.data, line: record.line });
  }
  return { ok: true, rows, errors };
}
