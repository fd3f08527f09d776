import { describe, expect, it } from 'vitest';
import { conciergeReply } from './concierge-reply';
import { replyPolicyFor } from './registry';
import type { ReplyContext, ReplyItem } from './types';

const user = (text: string): ReplyItem => ({ type: 'message', id: null, role: 'user', text });
const call = (name: string): ReplyItem => ({ type: 'function_call', id: null, name, callId: 'c1', arguments: '{}' });
const out = (name: string, output: string): ReplyItem => ({ type: 'function_call_output', id: null, callId: 'c1', output, name });
const ctx = (items: ReplyItem[]): ReplyContext => ({
  agentId: 'website-concierge',
  persona: null,
  instructions: 'You are the website concierge for Northwind.',
  tools: [],
  conversationItems: items,
  request: { outOfBand: false, inputOverride: false, responseInstructions: null, trigger: 'client', metadata: null, toolChoice: 'auto' },
});

describe('concierge reply (local engine)', () => {
  it('is the policy of the website-concierge agent', () => {
    expect(replyPolicyFor('website-concierge')).toBe(conciergeReply);
  });

  it('turns a question into a search_knowledge call with the question', () => {
    const reply = conciergeReply(ctx([user('How much does the workshop cost?')]));
    expect(reply.text).toBe('');
    expect(reply.toolCalls).toEqual([{ name: 'search_knowledge', arguments: { query: 'How much does the workshop cost?' } }]);
  });

  it('answers from the top hit, naming its page, without the highlight marks', () => {
    const hits = { hits: [{ title: 'Pricing', url: 'https://x.test/pricing', snippet: 'The «workshop» costs 4,800 euros for up to 12 people.' }] };
    const reply = conciergeReply(ctx([user('workshop price?'), call('search_knowledge'), out('search_knowledge', JSON.stringify(hits))]));
    expect(reply.text).toBe('From the page "Pricing": The workshop costs 4,800 euros for up to 12 people. Would you like to know more, or talk to the team?');
    const cut = { hits: [{ title: 'Pricing', url: 'u', snippet: 'workshop costs 4,800 euros for up to twelve people' }] };
    expect(conciergeReply(ctx([user('q'), call('search_knowledge'), out('search_knowledge', JSON.stringify(cut))])).text).toBe(
      'From the page "Pricing": workshop costs 4,800 euros for up to twelve people. Would you like to know more, or talk to the team?',
    );
  });

  it('says it does not know when nothing matched, and asks for details on a contact wish', () => {
    expect(conciergeReply(ctx([user('q'), call('search_knowledge'), out('search_knowledge', '{"hits":[]}')])).text).toMatch(/could not find that/);
    expect(conciergeReply(ctx([user('Please get in touch with me')])).toolCalls?.[0]?.name).toBe('capture_lead');
    expect(conciergeReply(ctx([user('Can I book a discovery call?')])).toolCalls?.[0]?.name).toBe('capture_lead');
    expect(conciergeReply({ ...ctx([user('Can I book a discovery call?')]), tools: [{ name: 'list_slots' }] }).toolCalls?.[0]?.name).toBe('list_slots');
  });

  it('thanks a saved lead by name, and says nothing was saved when the form was closed', () => {
    expect(conciergeReply(ctx([user('x'), call('capture_lead'), out('capture_lead', '{"saved":true,"name":"Ada"}')])).text).toMatch(/^Thank you, Ada\./);
    expect(conciergeReply(ctx([user('x'), call('capture_lead'), out('capture_lead', '{"saved":false}')])).text).toMatch(/nothing was saved/);
  });
});
