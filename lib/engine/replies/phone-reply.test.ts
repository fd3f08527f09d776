import { describe, expect, it } from 'vitest';
import { phoneReply, isPhoneAgent, orderNumberIn } from './phone-reply';
import { defaultReplyPolicy } from './registry';
import type { ReplyContext, ReplyItem } from './types';

const tools = [
  { name: 'end_call' },
  { name: 'transfer_to_human' },
  { name: 'check_order_status', parameters: { type: 'object', properties: { order_id: { type: 'string' }, urgent: { type: 'boolean' } } } },
];

function ctx(items: ReplyItem[], extra: Partial<ReplyContext> = {}): ReplyContext {
  return {
    agentId: 'studio-agent-1',
    persona: null,
    instructions: 'You answer the phone.',
    tools,
    conversationItems: items,
    request: { outOfBand: false, inputOverride: false, responseInstructions: null, trigger: 'turn_detection', metadata: null, toolChoice: 'auto' },
    ...extra,
  };
}

const user = (text: string): ReplyItem => ({ type: 'message', id: null, role: 'user', text });

describe('the phone reply policy', () => {
  it('speaks the greeting the app asks for, word for word', () => {
    const reply = phoneReply(ctx([], { request: { ...ctx([]).request, trigger: 'client', responseInstructions: 'Greet the caller now. Say exactly: "Hi, Acme here."' } }));
    expect(reply).toEqual({ text: 'Hi, Acme here.' });
  });

  it('transfers, hangs up and calls the tool the caller names, with arguments from their words', () => {
    expect(phoneReply(ctx([user('can I speak to a person')])).toolCalls?.[0]?.name).toBe('transfer_to_human');
    expect(phoneReply(ctx([user('thanks, bye')])).toolCalls?.[0]?.name).toBe('end_call');
    expect(phoneReply(ctx([user('where is order 5521')])).toolCalls?.[0]).toEqual({ name: 'check_order_status', arguments: { order_id: '5521', urgent: true } });
  });

  it('answers from a tool result, and apologises for an error result', () => {
    const call: ReplyItem = { type: 'function_call', id: null, name: 'check_order_status', callId: 'c1', arguments: '{}' };
    const ok: ReplyItem = { type: 'function_call_output', id: null, callId: 'c1', name: 'check_order_status', output: '{"status":"shipped"}' };
    const bad: ReplyItem = { ...ok, output: '{"error":"timed out"}' };
    expect(phoneReply(ctx([user('order 1'), call, ok])).text).toBe('Here is what I found: status shipped. Is there anything else?');
    expect(phoneReply(ctx([user('order 1'), call, bad])).text).toMatch(/^I am sorry/);
  });

  it('is the default for agents with phone tools (studio agents with any id), not for others', () => {
    expect(isPhoneAgent(ctx([]))).toBe(true);
    expect(defaultReplyPolicy(ctx([user('bye')])).toolCalls?.[0]?.name).toBe('end_call');
    expect(defaultReplyPolicy(ctx([user('bye')], { tools: [] })).toolCalls).toBeUndefined();
  });

  it('speaks the greeting of a Try-it chat word for word too', () => {
    const instructions = 'You answer the phone.\nThe call has just connected. Greet the caller with exactly these words and nothing else: "Hi, you have reached order support."';
    expect(phoneReply(ctx([], { request: { ...ctx([]).request, trigger: 'client', responseInstructions: instructions } }))).toEqual({ text: 'Hi, you have reached order support.' });
  });

  it('transfers on a 0 pressed on the keypad and answers other keys', () => {
    expect(phoneReply(ctx([user('The caller pressed 0 on the keypad.')])).toolCalls?.[0]).toEqual({ name: 'transfer_to_human', arguments: { reason: 'the caller pressed 0 for a person' } });
    const one = phoneReply(ctx([user('The caller pressed 1 on the keypad.')]));
    expect(one.toolCalls).toBeUndefined();
    expect(one.text).toBe('You pressed 1. You can press 0 for a person, or just tell me what you need.');
    const noTransfer = tools.filter((t) => t.name !== 'transfer_to_human');
    expect(phoneReply(ctx([user('The caller pressed 0 on the keypad.')], { tools: noTransfer }))).toEqual({ text: 'I am sorry, I cannot put you through to a person on this line. Tell me what you need and I will try to help.' });
    expect(phoneReply(ctx([user('The caller pressed 7 on the keypad.')], { tools: noTransfer })).text).toBe('You pressed 7. Just tell me what you need.');
  });
});

describe('the built-in lookups on a call', () => {
  const support = [
    { name: 'end_call' },
    { name: 'transfer_to_human' },
    { name: 'lookup_customer' },
    { name: 'get_order_details' },
    { name: 'check_policy' },
    { name: 'search_knowledge' },
  ];
  const said = (text: string, tools = support) => phoneReply(ctx([user(text)], { tools }));

  it('reads order numbers typed or spoken', () => {
    expect(orderNumberIn('my order 4411-2093 never came')).toBe('4411-2093');
    expect(orderNumberIn('it is 4411 2093')).toBe('4411-2093');
    expect(orderNumberIn('four four one one, two zero nine three')).toBe('4411-2093');
    expect(orderNumberIn('call me on 4155550123')).toBeNull();
    expect(orderNumberIn('order 4711')).toBeNull();
  });

  it('calls the lookup the words ask for, only when the agent has it', () => {
    expect(said('my order 4411-2093 never arrived').toolCalls?.[0]).toEqual({ name: 'get_order_details', arguments: { order_number: '4411-2093' } });
    expect(said('my order 4411-2093 never arrived', support.filter((t) => t.name !== 'get_order_details')).toolCalls?.[0]).toEqual({ name: 'lookup_customer', arguments: { query: '4411-2093' } });
    expect(said('it is dana.whitfield@example.com').toolCalls?.[0]).toEqual({ name: 'lookup_customer', arguments: { query: 'dana.whitfield@example.com' } });
    expect(said('Hi, my name is Dana Whitfield').toolCalls?.[0]).toEqual({ name: 'lookup_customer', arguments: { query: 'Dana Whitfield' } });
    expect(said('My name is Dana Whitfield').toolCalls?.[0]).toEqual({ name: 'lookup_customer', arguments: { query: 'Dana Whitfield' } });
    expect(said('Hello, I am calling back').toolCalls).toBeUndefined();
    expect(said('can I get a refund for this').toolCalls?.[0]).toEqual({ name: 'check_policy', arguments: { kind: 'refunds', topic: 'can I get a refund for this' } });
    expect(said('how do I pair my headphones?').toolCalls?.[0]).toEqual({ name: 'search_knowledge', arguments: { query: 'how do I pair my headphones?' } });
    const ask = said('where is my order');
    expect(ask.toolCalls).toBeUndefined();
    expect(ask.text).toMatch(/What is your order number\?/);
    // without the lookups: the old fallback
    expect(said('how do I pair my headphones?', tools).toolCalls).toBeUndefined();
  });

  it('reads the result out, and says so when nothing was found', () => {
    const turn = (name: string, output: unknown): ReplyItem[] => [
      user('x'),
      { type: 'function_call', id: null, name, callId: 'c1', arguments: '{}' },
      { type: 'function_call_output', id: null, callId: 'c1', name, output: JSON.stringify(output) },
    ];
    const order = { order: { orderNumber: '4411-2093', status: 'shipped', carrier: 'UPS', trackingNumber: '1Z123', note: 'Carrier scan stopped 9 days ago.' }, customer: { fullName: 'Dana Whitfield' } };
    expect(phoneReply(ctx(turn('get_order_details', order), { tools: support })).text).toBe('Order 4411-2093 is shipped; it went with UPS, tracking number 1Z123. Carrier scan stopped 9 days ago. Is there anything else?');
    expect(phoneReply(ctx(turn('get_order_details', { order: null, error: 'No order 1111-2222 in the order system.' }), { tools: support })).text).toBe('I could not find that order number. Could you read it to me again?');
    expect(phoneReply(ctx(turn('get_order_details', { error: 'the get order details lookup failed' }), { tools: support })).text).toMatch(/^I am sorry, I could not get that/);
    expect(phoneReply(ctx(turn('search_knowledge', { articles: [{ title: 'Pairing headphones', snippet: 'Hold the <b>button</b> for five seconds.' }] }), { tools: support })).text).toBe('Our help article "Pairing headphones" says: Hold the button for five seconds. Is there anything else?');
    expect(phoneReply(ctx(turn('lookup_customer', { matches: [{ fullName: 'Dana Whitfield' }] }), { tools: support })).text).toBe('I found the account of Dana Whitfield. Is that you?');
    expect(phoneReply(ctx(turn('check_policy', { policy: null }), { tools: support })).text).toMatch(/could not find a policy/);
  });
});
