import { describe, expect, it } from 'vitest';
import { phoneReply, isPhoneAgent } from './phone-reply';
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
});
