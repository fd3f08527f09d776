import { describe, expect, it } from 'vitest';
import { createIdFactory, MAX_ID_CHARS } from './event-ids';

describe('ids', () => {
  it('are prefixed like the service and never longer than 32 characters', () => {
    const ids = createIdFactory();
    expect(ids.item()).toMatch(/^item_[A-Za-z0-9]{14}$/);
    const late = createIdFactory(Number.MAX_SAFE_INTEGER - 10);
    for (const make of [late.event, late.item, late.response, late.call]) expect(make().length).toBeLessThanOrEqual(MAX_ID_CHARS);
    expect(late.event().length).toBe(27);
  });
});
