import { describe, expect, it } from 'vitest';
import { parseCustomerCsv } from './customer-import';
import { parseCsv } from './parse-csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and newlines', () => {
    const r = parseCsv('a,b\r\n"x, ""y""","line1\nline2"\n');
    expect(r).toEqual({ ok: true, records: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x, "y"', 'line1\nline2'] }] });
  });
  it('names the line of an unclosed quote', () => {
    expect(parseCsv('a\n"open\nmore')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('parseCustomerCsv', () => {
  it('keeps good rows and reports each bad row by line and column', () => {
    const csv = [
      'full_name,email,phone,tier',
      'Ada Lovelace,ADA@example.com,+441234567890,gold',
      'B,not-an-email,12345,diamond',
      'Cy Young,ada@example.com,,',
      'Too,many,fields,here,x',
    ].join('\n');
    const r = parseCustomerCsv(csv);
    if (!r.ok) throw new Error(r.message);
    expect(r.rows).toEqual([{ line: 2, full_name: 'Ada Lovelace', email: 'ada@example.com', phone: '+441234567890', tier: 'gold', status: 'active' }]);
    expect(r.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['3:full_name', '3:email', '3:phone', '3:tier', '4:email', '5:(row)']);
    expect(r.errors[4]?.message).toBe('The same email is already on line 2.');
  });
  it('refuses unknown and missing columns', () => {
    expect(parseCustomerCsv('name,email\nx,y')).toEqual({ ok: false, message: 'Unknown column(s): name. Allowed: full_name, email, phone, tier, status, city, country.' });
    expect(parseCustomerCsv('full_name\nx')).toEqual({ ok: false, message: 'Missing required column(s): email.' });
    expect(parseCustomerCsv('')).toMatchObject({ ok: false });
  });
});
