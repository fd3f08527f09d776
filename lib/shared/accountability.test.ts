import { describe, expect, it } from 'vitest';
import { ownsWithoutBlame, readBlame, readOwnership } from './accountability';

const owns = (t: string) => readOwnership(t)?.text ?? null;
const blames = (t: string) => readBlame(t)?.text ?? null;

describe('readOwnership', () => {
  it('hears the ways a speaker takes ownership, in their words', () => {
    expect(owns('I will own the recovery plan personally')).toBe('I will own');
    expect(owns("I'll personally own the fix")).toBe("I'll personally own");
    expect(owns('I own the recovery: 85 percent by 15 March')).toBe('I own');
    expect(owns('We own this gap.')).toBe('We own');
    expect(owns('We take full responsibility for the reports.')).toBe('We take full responsibility');
    expect(owns("I'm accountable for this.")).toBe("I'm accountable");
    expect(owns('Frankly, it is on us.')).toBe('it is on us');
    expect(owns('That was our mistake.')).toBe('our mistake');
    expect(owns('We got this wrong.')).toBe('We got this wrong');
  });

  it('is not fooled by negations or by other people owning it', () => {
    expect(owns('It is not our fault.')).toBeNull();
    expect(owns("I don't think it's on us.")).toBeNull();
    expect(owns('We do not own the depot rosters.')).toBeNull();
    expect(owns('Maria Lopez owns the fix.')).toBeNull();
    expect(owns('We did not hit the target and I own that.')).toBe('I own');
  });
});

describe('readBlame', () => {
  it('hears the problem put on someone or something else', () => {
    expect(blames("Honestly it's not our fault.")).toBe('not our fault');
    expect(blames("It isn't on us.")).toBe("isn't on us");
    expect(blames('The depot managers refused to follow the process.')).toBe('The depot managers refused');
    expect(blames('Your staff did not adopt the checklist.')).toBe('Your staff did not');
    expect(blames('There is a lot of staff resistance.')).toBe('staff resistance');
    expect(blames('That was out of our control.')).toBe('out of our control');
    expect(blames('We own this and Maria Lopez will fix it by 1 March.')).toBeNull();
  });

  it('owning without blaming needs both readings', () => {
    expect(ownsWithoutBlame('We own this gap.')).toBe(true);
    expect(ownsWithoutBlame('We own it, but the depots resisted.')).toBe(false);
    expect(ownsWithoutBlame('We are working hard.')).toBe(false);
  });
});
