import { describe, expect, it } from 'vitest';
import { acknowledge, mergeGiven, nothingGiven, nounsFor, press, readTurn, whenPhrase } from './persona-reading';

describe('reading a user turn', () => {
  it('takes the named owner with the date after it, the number and the checkpoint, as said', () => {
    expect(readTurn('I own the recovery: 85 percent by 15 March, Maria Lopez owns the depot roster fix by 1 March')).toEqual({
      given: { owner: { name: 'Maria Lopez' }, date: 'by 1 March', number: '85 percent' },
      ownership: 'I own',
      blame: null,
      question: false,
      sentences: 1,
    });
    expect(readTurn('By 14 June Sarah Jones will own it, with a weekly review.').given).toEqual({
      owner: { name: 'Sarah Jones' },
      date: 'By 14 June',
      checkpoint: 'weekly review',
    });
    expect(readTurn('I will own the recovery plan personally').given).toEqual({ owner: { name: null } });
  });

  it('does not take the words of a question as a commitment', () => {
    const r = readTurn('What would you need to see before the steering committee? Maria Lopez owns the fix.');
    expect(r.given).toEqual({ owner: { name: 'Maria Lopez' } });
    expect(r.question).toBe(true);
    expect(readTurn('what would good look like by Friday').given).toEqual({});
  });

  it('reads blame and counts sentences', () => {
    const r = readTurn('Honestly the depots resisted. We tried. It is hard.');
    expect(r.blame).toBe('the depots resisted');
    expect(r.ownership).toBeNull();
    expect(r.sentences).toBe(3);
  });
});

describe('the words the persona answers with', () => {
  it('acknowledges only what was given, in the user’s words', () => {
    expect(acknowledge({ owner: { name: 'Maria Lopez' }, date: '1 March' }, null)).toBe('Maria Lopez by 1 March — fine.');
    expect(acknowledge({ owner: { name: null }, date: 'next week' }, 'I own')).toBe('You own it, next week — fine.');
    expect(acknowledge({ number: '85 percent', date: '15 March' }, null)).toBe('85 percent by 15 March — noted.');
    expect(acknowledge({ date: 'on Thursday', checkpoint: 'failover test' }, null)).toBe('On Thursday, with a failover test — fine.');
    expect(acknowledge({ owner: { name: 'Maria Lopez' }, date: 'on 30 May', checkpoint: 'checkpoint' }, null)).toBe('Maria Lopez on 30 May, with a checkpoint — fine.');
    expect(acknowledge({ checkpoint: 'milestones' }, null)).toBe('Milestones — fine.');
    expect(acknowledge({}, 'we own')).toBe('Owning it is a start.');
    expect(acknowledge({}, null)).toBeNull();
  });

  it('keeps the user’s own preposition for a date', () => {
    expect(whenPhrase('1 March')).toBe('by 1 March');
    expect(whenPhrase('By end of next week')).toBe('by end of next week');
    expect(whenPhrase('Within two weeks')).toBe('within two weeks');
    expect(whenPhrase('on Thursday')).toBe('on Thursday');
  });

  it('presses on exactly the missing parts', () => {
    expect(press(['owner'])).toBe('Who owns it? One name.');
    expect(press(['date'])).toBe('By when? Give me a date.');
    expect(press(['checkpoint'])).toBe('What checkpoint tells me it is working?');
    expect(press(['owner', 'date'])).toBe('Who owns it, and by when?');
    expect(press(['owner', 'date', 'checkpoint'])).toBe('Who owns it, by when, and what checkpoint tells me it is working?');
    expect(nothingGiven(['owner', 'date'])).toBe('No owner, no date.');
    expect(nounsFor(['date', 'checkpoint'])).toBe('a date and a checkpoint');
  });

  it('merges turns: newer words win, but "I own it" never replaces a named owner', () => {
    expect(mergeGiven({ owner: { name: 'Maria Lopez' }, date: '1 March' }, { owner: { name: null }, date: '1 April' })).toEqual({
      owner: { name: 'Maria Lopez' },
      date: '1 April',
    });
    expect(mergeGiven({ owner: { name: null } }, { owner: { name: 'Maria Lopez' } })).toEqual({ owner: { name: 'Maria Lopez' } });
  });
});
