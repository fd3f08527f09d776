import { describe, expect, it } from 'vitest';
import { disclosureAlerts, tickChecklist } from './checklist';
import { redactPii } from './redact';
import { sentimentOf, sentimentTrend } from './sentiment';

describe('redactPii', () => {
  it('redacts a spaced card number that passes Luhn, with a visible marker', () => {
    expect(redactPii('my card is 4111 1111 1111 1111 ok')).toEqual({ text: 'my card is [card number redacted] ok', found: ['card_number'] });
  });
  it('leaves order numbers, phones and non-Luhn digit runs alone', () => {
    expect(redactPii('order 4411-2093, phone +14155550123, ref 1234567890123').found).toEqual([]);
  });
  it('redacts SSNs and security codes', () => {
    expect(redactPii('ssn 123-45-6789 and the security code is 123')).toEqual({
      text: 'ssn [SSN redacted] and the security code is [security code redacted]',
      found: ['ssn', 'security_code'],
    });
  });
});

describe('sentiment', () => {
  it('scores complaints negative and thanks positive', () => {
    expect(sentimentOf('my order never arrived and I am really frustrated!')).toBeLessThan(-0.5);
    expect(sentimentOf('thank you, that is perfect')).toBeGreaterThan(0.5);
    expect(sentimentOf('I am not happy')).toBeLessThan(0);
    expect(sentimentOf('the sky is blue')).toBe(0);
  });
  it('reads the trend from the last turns', () => {
    expect(sentimentTrend([-0.8, -0.6, 0.4, 0.8])).toBe('improving');
    expect(sentimentTrend([0.2, -0.5, -0.9])).toBe('worsening');
    expect(sentimentTrend([0])).toBe('steady');
  });
});

describe('checklist', () => {
  const start = { callType: 'order_issue', ticks: {} };
  it('ticks items the agent says, once, with the time', () => {
    const a = tickChecklist(start, 'agent', 'Thanks for calling, this call is recorded for quality.', 4);
    expect(a.ticked).toEqual(['greet', 'recording_disclosure']);
    const b = tickChecklist(a.state, 'agent', 'Thanks for calling again', 9);
    expect(b.ticked).toEqual([]);
    expect(b.state.ticks).toEqual({ greet: 4, recording_disclosure: 4 });
  });
  it('ignores the customer', () => {
    expect(tickChecklist(start, 'customer', 'I am sorry to bother you', 3).ticked).toEqual([]);
  });
  it('raises the disclosure alert only after its time and until it is said', () => {
    expect(disclosureAlerts(start, 10)).toEqual([]);
    expect(disclosureAlerts(start, 31).map((a) => a.id)).toEqual(['disclosure:recording_disclosure']);
    expect(disclosureAlerts({ ...start, ticks: { recording_disclosure: 40 } }, 60)).toEqual([]);
  });
});
