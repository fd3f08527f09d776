import { describe, expect, it } from 'vitest';
import { bookingIcs, slotLabel } from './ics';

describe('bookingIcs', () => {
  it('writes one VEVENT with UTC times, escaped text and CRLF lines', () => {
    const ics = bookingIcs({ uid: 'b1', startsAt: '2026-12-08T10:00:00.000Z', minutes: 15, summary: 'Discovery call, Northwind', description: 'With Ada; about AI' }, new Date('2026-12-01T09:00:00Z'));
    expect(ics).toBe(
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Cue//Website widget//EN', 'METHOD:PUBLISH', 'BEGIN:VEVENT', 'UID:b1@cue', 'DTSTAMP:20261201T090000Z', 'DTSTART:20261208T100000Z', 'DTEND:20261208T101500Z', 'SUMMARY:Discovery call\\, Northwind', 'DESCRIPTION:With Ada\\; about AI', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
    );
  });
  it('labels a slot in UTC', () => {
    expect(slotLabel('2026-12-08T10:00:00.000Z')).toBe('Tue 8 Dec, 10:00 UTC');
  });
});
