import { describe, expect, it } from 'vitest';
import { leadsCsv } from './leads';

describe('leadsCsv', () => {
  it('quotes every cell, doubles quotes and defuses spreadsheet formulas', () => {
    const csv = leadsCsv([
      { id: '1', siteId: 's', name: 'Ada "The Countess"', email: 'ada@example.com', company: '=HYPERLINK("x")', role: '', challenge: 'line\nbreak', consent: true, createdAt: new Date('2026-12-01T10:00:00Z') },
    ]);
    expect(csv).toBe('created_at,name,email,company,role,challenge,consent\r\n"2026-12-01T10:00:00.000Z","Ada ""The Countess""","ada@example.com","\'=HYPERLINK(""x"")","","line\nbreak","yes"\r\n');
  });
});
