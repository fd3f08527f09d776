import { describe, expect, it } from 'vitest';
import { replyPolicies, replyPolicyFor, defaultReplyPolicy } from './registry';
import { roleplayReply } from './roleplay-reply';
import { conversationalReply, hintKind, hintReply, scriptedReply } from './scripted-reply';
import { cutToSeconds, lastWords, maxSecondsIn } from './text-utils';
import type { ReplyContext, ReplyItem } from './types';

const user = (text: string): ReplyItem => ({ type: 'message', id: null, role: 'user', text });
const assistant = (text: string): ReplyItem => ({ type: 'message', id: null, role: 'assistant', text });

function ctx(items: ReplyItem[], instructions = 'Be a practice partner.', outOfBand = false): ReplyContext {
  return {
    agentId: 'practice-partner',
    persona: null,
    instructions,
    tools: [],
    conversationItems: items,
    request: { outOfBand, inputOverride: outOfBand, responseInstructions: null, trigger: 'client', metadata: null, toolChoice: 'auto' },
  };
}

describe('conversational replies', () => {
  it('echoes the last user words, counts messages, asks a follow-up that rotates by turn', () => {
    expect(scriptedReply(ctx([user('We shipped the pilot in March')])).text).toBe('You said: "We shipped the pilot in March". (saw 1 messages) What outcome do you want from this?');
    expect(scriptedReply(ctx([user('a'), assistant('b'), user('How should I open the meeting?')])).text).toBe(
      'You said: "How should I open the meeting?". (saw 3 messages) Who owns the next step?',
    );
  });

  it('trims long user text to 12 words and greets when nobody has spoken', () => {
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    expect(conversationalReply(ctx([user(long)])).text).toBe('You said: "one two three four five six seven eight nine ten eleven twelve…". (saw 1 messages) What outcome do you want from this?');
    expect(conversationalReply(ctx([])).text).toBe("Hello, I'm ready when you are. (saw 0 messages) What would you like to practise first?");
    expect(conversationalReply(ctx([user('   ')])).text).toContain('(saw 1 messages) What would you like to practise first?');
  });

  it('reports a tool output of the current turn instead of echoing again', () => {
    const items: ReplyItem[] = [
      user('show me the pricing card'),
      { type: 'function_call', id: 'f1', name: 'show_card', callId: 'c1', arguments: '{"title":"Pricing"}' },
      { type: 'function_call_output', id: 'o1', callId: 'c1', output: '{"shown":true}', name: 'show_card' },
    ];
    expect(conversationalReply(ctx(items)).text).toBe('Done: show_card returned {"shown":true}. (saw 1 messages) What would you like to do next?');
    expect(conversationalReply(ctx([...items, user('thanks')])).text).toContain('You said: "thanks"');
  });
});

describe('hints', () => {
  const input = [user('Thanks for joining'), assistant('Happy to be here'), user('Can we move the launch to May?')];

  it('picks the kind from the instructions', () => {
    expect(hintKind('Give one QUICK HINT now')).toBe('quick');
    expect(hintKind('Give full guidance: the answer')).toBe('full');
    expect(hintKind('Never speak unless asked')).toBeNull();
  });

  it('says what it saw and derives the line from the last user words', () => {
    const quick = scriptedReply(ctx(input, 'Give one quick hint: the single most useful thing to say next.', true));
    expect(quick).toEqual({ text: 'Quick hint (saw 3 messages): Ask what "we move the launch to May" means for their timeline.' });
    const full = hintReply(ctx(input, 'x'), 'full').text;
    expect(full).toBe('Full guidance (saw 3 messages): Answer "we move the launch to May" in one sentence, give one reason it matters to them, then ask who owns the next step and by when.');
    expect(hintReply(ctx([], 'x'), 'quick').text).toBe('Quick hint (saw 0 messages): Ask them what matters most to them right now.');
  });

  it('respects "at most S seconds" at ~2.5 words a second, keeping the prefix', () => {
    expect(maxSecondsIn('Speak for at most 8 seconds (about 20 words).')).toBe(8);
    expect(maxSecondsIn('at most 2.5 s')).toBe(2.5);
    expect(maxSecondsIn('no limit here')).toBeNull();
    const cut = hintReply(ctx(input, 'Give full guidance. Speak for at most 4 seconds.'), 'full').text;
    expect(cut).toBe('Full guidance (saw 3 messages): Answer "we move the launch');
    expect(cut.split(' ')).toHaveLength(10);
    const tiny = hintReply(ctx(input, 'Give one quick hint. Speak for at most 1 seconds.'), 'quick').text;
    expect(tiny).toBe('Quick hint (saw 3 messages): Ask what "we');
    expect(cutToSeconds('a b c', null)).toBe('a b c');
  });

  it('strips punctuation around the last words', () => {
    expect(lastWords('"Is it (really) done?"', 6)).toBe('Is it (really) done');
  });
});

describe('registry', () => {
  it('maps known agents and falls back to the default for others', () => {
    expect(Object.keys(replyPolicies).sort()).toEqual(['hint-assistant', 'phone-receptionist', 'practice-partner', 'roleplay-client', 'website-concierge']);
    expect(replyPolicyFor('practice-partner')).toBe(scriptedReply);
    expect(replyPolicyFor('roleplay-client')).toBe(roleplayReply);
    expect(replyPolicyFor('unknown-agent')).toBe(defaultReplyPolicy);
    expect(replyPolicyFor('toString')).toBe(defaultReplyPolicy);
  });
});
