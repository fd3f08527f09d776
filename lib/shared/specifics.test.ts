import { describe, expect, it } from 'vitest';
import { findSpecifics } from './specifics';

const kinds = (text: string) => findSpecifics(text).map((m) => `${m.kind}:${m.text}`);

describe('findSpecifics', () => {
  it('finds owners, dates and named checkpoints in a concrete plan', () => {
    expect(kinds("Sarah Jones will own the North depot recovery, and I'll personally chair a weekly review every Monday.")).toEqual([
      'owner:Sarah Jones will own',
      "owner:I'll personally",
      'checkpoint:weekly review',
      'date:Monday',
    ]);
  });
  it('counts each stretch once, dates before numbers', () => {
    expect(kinds('We will reach 90% by 30 June, with a checkpoint on the 14th.')).toEqual([
      'number:90%',
      'date:30 June',
      'checkpoint:checkpoint',
      'date:on the 14th',
    ]);
    expect(kinds("By end of next week we'll have two more depots live, that's 9 of 12.")).toEqual([
      'date:By end of next week',
      'number:two',
      'number:9',
      'number:12',
    ]);
  });
  it('recognises named owners after "owner is" and "is accountable"', () => {
    expect(kinds('Within two weeks. The failover test happens on Thursday and Marco is accountable.')).toEqual([
      'date:Within two weeks',
      'checkpoint:failover test',
      'date:on Thursday',
      'owner:Marco is accountable',
    ]);
    expect(kinds("The owner is Dave. He'll send the revised proposal by Friday, saving 60k, about fifteen percent.")).toEqual([
      'owner:owner is Dave',
      'date:by Friday',
      'number:60k',
      'number:fifteen percent',
    ]);
  });
  it('finds nothing in vague excuses and ignores lookalikes', () => {
    expect(kinds('Honestly, we need more time. The staff resistance is real.')).toEqual([]);
    expect(kinds('We may fix it. Junior staff. This will help and Everything will be fine.')).toEqual([]);
  });
});
