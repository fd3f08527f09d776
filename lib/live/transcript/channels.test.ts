import { describe, expect, it } from 'vitest';
import { rowChannel, talkRatio, themLine } from './channels';

describe('live channels', () => {
  it('labels a row by the channel it came from and strips the marker', () => {
    expect(rowChannel({ text: themLine('  what does it cost? ', 'tab'), source: 'text' })).toEqual({ channel: 'them', source: 'tab', text: 'what does it cost?' });
    expect(rowChannel({ text: themLine('hello', 'typed'), source: 'text' })).toEqual({ channel: 'them', source: 'typed', text: 'hello' });
    expect(rowChannel({ text: 'our price is fair', source: 'voice' })).toEqual({ channel: 'you', source: 'mic', text: 'our price is fair' });
    expect(rowChannel({ text: 'typed by me', source: 'text' })).toEqual({ channel: 'you', source: 'typed', text: 'typed by me' });
    // Only the marker at the start counts.
    expect(rowChannel({ text: 'I said Them (tab): no', source: 'voice' }).channel).toBe('you');
  });

  it('computes the talk ratio from the words on each channel, ignoring the assistant', () => {
    expect(talkRatio([])).toEqual({ youWords: 0, themWords: 0, youShare: null });
    const r = talkRatio([
      { role: 'user', text: 'one two three', source: 'voice' },
      { role: 'user', text: themLine('four five six seven eight nine — ten', 'tab'), source: 'text' },
      { role: 'assistant', text: 'a hint that is not talk at all', source: 'voice' },
      { role: 'user', text: 'ok', source: 'text' },
    ]);
    expect(r).toEqual({ youWords: 4, themWords: 7, youShare: 4 / 11 });
  });
});
