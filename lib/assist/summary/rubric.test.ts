import { describe, expect, it } from 'vitest';
import { draftSummary } from './rubric';

describe('draftSummary', () => {
  it('drafts reason, resolution, follow-ups, disposition and a CRM note from the call', () => {
    const d = draftSummary({
      turns: [
        { speaker: 'agent', text: 'Thanks for calling.' },
        { speaker: 'customer', text: 'My order 4411-2093 never arrived. I am upset.' },
      ],
      customerName: 'Dana Whitfield',
      orderNumber: '4411-2093',
      actions: [{ kind: 'send_replacement', status: 'done', result: 'Replacement queued for express shipping.' }],
      durationSec: 200,
    });
    expect(d.summary.reason).toBe('Order 4411-2093: My order 4411-2093 never arrived.');
    expect(d.summary.resolution).toBe('Send replacement: Replacement queued for express shipping.');
    expect(d.summary.followUps).toEqual(['Confirm the replacement for 4411-2093 is delivered (ships within 1 business day).']);
    expect(d.disposition).toBe('replacement_sent');
    expect(d.crmNote).toContain('Call with Dana Whitfield (3 min).');
  });
  it('says plainly when nothing was done', () => {
    const d = draftSummary({ turns: [], customerName: null, orderNumber: null, actions: [], durationSec: 5 });
    expect(d.summary.resolution).toBe('No action was taken on the call.');
    expect(d.disposition).toBe('resolved');
  });
});
