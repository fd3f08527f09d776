import { describe, expect, it } from 'vitest';
import { buildClientInstructions, buildEscalationResponseInstructions } from '@/agents/prompts/roleplay-client';
import { defaultScenario, getBuiltinScenario } from '@/agents/scenarios';
import { parseEscalationDirective, parsePersonaBrief } from './persona-instructions';
import { moodAfter, pickObjection, roleplayReply, specificityOf, topicOf } from './roleplay-reply';
import type { ReplyContext, ReplyItem } from './types';

const coo = defaultScenario();
const medium = buildClientInstructions(coo, 'medium');
const tagTool = [{ name: 'tag_turn' }];

const user = (text: string): ReplyItem => ({ type: 'message', id: null, role: 'user', text });
const client = (text: string): ReplyItem => ({ type: 'message', id: null, role: 'assistant', text });
const call = (callId: string): ReplyItem => ({ type: 'function_call', id: null, name: 'tag_turn', callId, arguments: '{}' });
const output = (callId: string): ReplyItem => ({ type: 'function_call_output', id: null, callId, output: '{"saved":true}', name: 'tag_turn' });

function ctx(items: ReplyItem[], opts: { instructions?: string; responseInstructions?: string | null; tools?: { name: string }[] } = {}): ReplyContext {
  const responseInstructions = opts.responseInstructions ?? null;
  return {
    agentId: 'roleplay-client',
    instructions: responseInstructions ?? opts.instructions ?? medium,
    tools: opts.tools ?? tagTool,
    conversationItems: items,
    request: { outOfBand: false, inputOverride: false, responseInstructions, trigger: 'client', metadata: null, toolChoice: 'auto' },
  };
}

describe('reading the persona from the instructions', () => {
  it('finds the name, opening line, objection bank, tag range, starting mood and rhythm', () => {
    const brief = parsePersonaBrief(medium);
    expect(brief.name).toBe('Helen Brandt');
    expect(brief.openingLine).toBe(coo.openingLine);
    expect(brief.objections).toEqual(coo.objectionBank);
    expect(brief.tagRange).toEqual({ min: 2, max: 4 });
    expect(brief.startingSentiment).toBe('skeptical');
    expect(brief.escalateEvery).toBe(3);
    expect(brief.interruptAfterSentences).toBe(3);
    const hard = parsePersonaBrief(buildClientInstructions(coo, 'hard'));
    expect([hard.tagRange, hard.escalateEvery, hard.interruptAfterSentences]).toEqual([{ min: 3, max: 5 }, 2, 2]);
    expect(parsePersonaBrief(buildClientInstructions(coo, 'easy')).startingSentiment).toBe('neutral');
  });

  it('falls back to neutral defaults for a prompt it does not know', () => {
    expect(parsePersonaBrief('Be nice.')).toEqual({
      name: null,
      openingLine: null,
      objections: [],
      tagRange: { min: 1, max: 5 },
      startingSentiment: 'skeptical',
      escalateEvery: 3,
      interruptAfterSentences: 3,
    });
  });

  it('reads an escalation directive only from a response instruction that carries one', () => {
    const esc = buildEscalationResponseInstructions(coo, 'medium', 'not our fault', 2);
    expect(parseEscalationDirective(esc)).toEqual({ line: coo.escalation.response, level: 2, phrase: 'not our fault' });
    expect(parseEscalationDirective(buildEscalationResponseInstructions(coo, 'easy', 'need more time', 1))).toEqual({
      line: coo.escalation.response,
      level: 1,
      phrase: 'need more time',
    });
    expect(parseEscalationDirective(medium)).toBeNull();
    expect(parseEscalationDirective(null)).toBeNull();
  });
});

describe('keyword analysis', () => {
  it('classifies the topic of what the user said', () => {
    expect(topicOf('We will release the milestone payment')).toBe('Payment');
    expect(topicOf('The dashboard numbers were wrong')).toBe('Data');
    expect(topicOf('I own this')).toBe('Governance');
    expect(topicOf('Here is the recovery plan')).toBe('Plan');
    expect(topicOf('Compliance is behind target')).toBe('Results');
    expect(topicOf('Hello there')).toBeNull();
  });

  it('counts specifics with the same detectors as the rubric', () => {
    expect(specificityOf('Maria Lopez will own it, by 14 June, with a weekly review')).toEqual({ owner: true, date: true, number: false, checkpoint: true, count: 3 });
    expect(specificityOf('We are working hard on it').count).toBe(0);
  });

  it('moves the mood one step per turn: vague answers annoy, specific ones calm', () => {
    expect(moodAfter([], 'skeptical')).toBe('skeptical');
    expect(moodAfter(['we are on it'], 'skeptical')).toBe('frustrated');
    expect(moodAfter(['we are on it', 'still on it'], 'skeptical')).toBe('frustrated');
    expect(moodAfter(['Maria Lopez will own it by 14 June'], 'skeptical')).toBe('neutral');
    expect(moodAfter(['we are on it', 'Maria Lopez will own it by 14 June'], 'neutral')).toBe('neutral');
  });

  it('cycles objections of the wanted type and falls back to the whole bank', () => {
    const bank = coo.objectionBank;
    expect(pickObjection(bank, 'Payment', 0)?.text).toBe(bank[6]?.text);
    expect(pickObjection(bank, 'Payment', 1)?.text).toBe(bank[7]?.text);
    expect(pickObjection(bank, 'Payment', 2)?.text).toBe(bank[6]?.text);
    expect(pickObjection(bank.slice(0, 3), 'Plan', 1)?.text).toBe(bank[1]?.text);
    expect(pickObjection([], 'Plan', 0)).toBeNull();
  });
});

describe('the role-play policy', () => {
  it('speaks first with the opening line and tags the opening turn', () => {
    const reply = roleplayReply(ctx([]));
    expect(reply.text).toBe(coo.openingLine);
    expect(reply.toolCalls).toEqual([
      {
        name: 'tag_turn',
        arguments: { objection_type: 'Data', difficulty: 2, sentiment: 'skeptical', next_probe: coo.objectionBank[0]?.text },
      },
    ]);
  });

  it('answers a vague turn by quoting it, demanding specifics and pressing on ownership', () => {
    const reply = roleplayReply(ctx([client(coo.openingLine), call('c0'), output('c0'), user('We are working very hard on the depots')]));
    expect(reply.text).toBe(
      'You said: "We are working very hard on the depots". No owner, no date, no number. Who on your side owns this? One name.',
    );
    expect(reply.toolCalls).toEqual([
      { name: 'tag_turn', arguments: { objection_type: 'Governance', difficulty: 3, sentiment: 'frustrated', next_probe: 'Who owns it? One name.' } },
    ]);
  });

  it('calms down and moves on when the answer has an owner, a date and a checkpoint', () => {
    const said = 'Maria Lopez will own the North depot fix by 14 June, with a weekly review every Friday';
    const reply = roleplayReply(ctx([client(coo.openingLine), user(said)]));
    expect(reply.text).toBe(`You said: "Maria Lopez will own the North depot fix by 14 June, with…". ${coo.objectionBank[4]?.text}`);
    expect(reply.toolCalls?.[0]?.arguments).toEqual({
      objection_type: 'Governance',
      difficulty: 2,
      sentiment: 'neutral',
      next_probe: coo.objectionBank[1]?.text,
    });
  });

  it('cuts in on rambling without specifics ("Stop.") and raises difficulty with the turn count', () => {
    const ramble = 'Well. It has been a hard quarter. People are busy. The rollout is complex. We are doing our best.';
    const items = [client('x'), user('one'), client('y'), user('two'), client('z'), user(ramble)];
    const reply = roleplayReply(ctx(items));
    expect(reply.text.startsWith('Stop. You said: "Well. It has been a hard quarter.')).toBe(true);
    expect(reply.toolCalls?.[0]?.arguments).toMatchObject({ difficulty: 4, sentiment: 'frustrated' });
  });

  it('says the escalation line when the response instructions carry one, tagged at the top of the range', () => {
    const instructions = buildEscalationResponseInstructions(coo, 'medium', 'not our fault', 1);
    const reply = roleplayReply(ctx([client(coo.openingLine), user('Honestly it is not our fault, the depots resisted')], { responseInstructions: instructions }));
    expect(reply.text).toBe(coo.escalation.response);
    expect(reply.toolCalls).toEqual([
      { name: 'tag_turn', arguments: { objection_type: 'Governance', difficulty: 4, sentiment: 'frustrated', next_probe: 'Owner, date and checkpoint. Now.' } },
    ]);
  });

  it('stays silent and does not tag again when the last item is the turn’s tag output', () => {
    expect(roleplayReply(ctx([user('hello'), client('You said...'), call('c1'), output('c1')]))).toEqual({ text: '' });
  });

  it('does not call tag_turn when the session has no such tool', () => {
    const reply = roleplayReply(ctx([], { tools: [] }));
    expect(reply).toEqual({ text: coo.openingLine });
  });

  it('plays any scenario from its own instructions (procurement, hard)', () => {
    const procurement = getBuiltinScenario('procurement-price-pushback');
    if (!procurement) throw new Error('missing built-in');
    const instructions = buildClientInstructions(procurement, 'hard');
    expect(roleplayReply(ctx([], { instructions })).text).toBe(procurement.openingLine);
    const reply = roleplayReply(ctx([user('Our price reflects the value')], { instructions }));
    expect(reply.text).toContain('You said: "Our price reflects the value".');
    expect(procurement.objectionBank.some((o) => reply.text.endsWith(o.text))).toBe(true);
    expect(reply.toolCalls?.[0]?.arguments).toMatchObject({ difficulty: 4, sentiment: 'frustrated' });
  });
});
