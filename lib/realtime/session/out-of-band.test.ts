import { describe, expect, it } from 'vitest';
import { OutOfBandTracker } from './out-of-band';

describe('OutOfBandTracker', () => {
  it('knows the items of responses created outside the conversation (conversation_id null)', () => {
    const t = new OutOfBandTracker();
    t.observe({ type: 'response.created', response: { id: 'r_hint', conversation_id: null } });
    t.observe({ type: 'response.created', response: { id: 'r_chat', conversation_id: 'conv_1' } });
    t.observe({ type: 'response.output_item.added', response_id: 'r_hint', item: { id: 'item_h' } });
    t.observe({ type: 'response.output_item.added', response_id: 'r_chat', item: { id: 'item_c' } });
    expect([t.isOutOfBandItem('item_h'), t.isOutOfBandItem('item_c'), t.isOutOfBandItem(undefined)]).toEqual([true, false, false]);
    expect([t.isOutOfBandResponse('r_hint'), t.isOutOfBandResponse('r_chat')]).toEqual([true, false]);
  });

  it("treats item_not_found about a hint's item as benign, and nothing else", () => {
    const t = new OutOfBandTracker();
    t.observe({ type: 'response.created', response: { id: 'r', conversation_id: null } });
    t.observe({ type: 'response.output_item.added', response_id: 'r', item: { id: 'item_h' } });
    expect(t.isBenignItemError({ code: 'item_not_found', message: "Conversation item with id 'item_h' not found." })).toBe(true);
    expect(t.isBenignItemError({ code: 'item_not_found', message: "Conversation item with id 'item_x' not found." })).toBe(false);
    expect(t.isBenignItemError({ code: 'invalid_value', message: 'item_h' })).toBe(false);
    t.clear();
    expect(t.isOutOfBandItem('item_h')).toBe(false);
  });

  it('stays bounded in a long meeting', () => {
    const t = new OutOfBandTracker();
    for (let i = 0; i < 500; i++) {
      t.observe({ type: 'response.created', response: { id: `r${i}`, conversation_id: null } });
      t.observe({ type: 'response.output_item.added', response_id: `r${i}`, item: { id: `i${i}` } });
    }
    expect(t.isOutOfBandItem('i499')).toBe(true);
    expect(t.isOutOfBandItem('i0')).toBe(false);
  });
});
