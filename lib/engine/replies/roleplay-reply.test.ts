import { describe, expect, it } from 'vitest';
import { buildPersonaBrief } from '@/agents/prompts/roleplay-brief';
import { defaultScenario, getBuiltinScenario } from '@/agents/scenarios';
import { type PersonaBrief } from '@/lib/contracts/persona-brief';
import { escalationMetadata } from '@/lib/contracts/escalation-metadata';
import type { Difficulty } from '@/lib/contracts/scenario';
import { GENERIC_PERSONA } from './generic-persona';
import { roleplayReply, topicOf } from './roleplay-reply';
import type { Reply, ReplyContext, ReplyItem } from './types';

const coo = defaultScenario();
const cio = getBuiltinScenario('cio-outage-review')!;
const brief = (d: Difficulty = 'medium', scenario = coo) => buildPersonaBrief(scenario, d);
const tagTool = [{ name: 'tag_turn' }];
const GOOD = 'I own the recovery: 85 percent by 15 March, Maria Lopez owns the depot roster fix by 1 March';

const user = (text: string): ReplyItem => ({ type: 'message', id: null, role: 'user', text });
const client = (text: string): ReplyItem => ({ type: 'message', id: null, role: 'assistant', text });
const call = (callId: string): ReplyItem => ({ type: 'function_call', id: null, name: 'tag_turn', callId, arguments: '{}' });
const output = (callId: string): ReplyItem => ({ type: 'function_call_output', id: null, callId, output: '{"saved":true}', name: 'tag_turn' });

function ctx(items: ReplyItem[], opts: { persona?: PersonaBrief | null; metadata?: Record<string, unknown> | null; tools?: { name: string }[] } = {}): ReplyContext {
  return {
    agentId: 'roleplay-client',
    persona: opts.persona === undefined ? brief() : opts.persona,
    // The prompt text is never read: anything here must not change the reply.
    instructions: 'Be nice. Open the call by saying: "Hello there"',
    tools: opts.tools ?? tagTool,
    conversationItems: items,
    request: { outOfBand: false, inputOverride: false, responseInstructions: null, trigger: 'client', metadata: opts.metadata ?? null, toolChoice: 'auto' },
  };
}

/** Plays a call turn by turn: each user turn gets the policy's reply, which joins the conversation. */
function play(turns: string[], persona: PersonaBrief = brief()): Reply[] {
  const items: ReplyItem[] = [client(persona.openingLine)];
  return turns.map((t) => {
    items.push(user(t));
    const reply = roleplayReply(ctx([...items], { persona }));
    items.push(client(reply.text));
    return reply;
  });
}
const texts = (turns: string[], persona?: PersonaBrief) => play(turns, persona).map((r) => r.text);
const tagOf = (reply: Reply) => reply.toolCalls?.[0]?.arguments;

describe('the role-play policy: opening', () => {
  it('speaks first with the brief’s opening line and tags the opening turn', () => {
    const reply = roleplayReply(ctx([]));
    expect(reply.text).toBe(coo.openingLine);
    expect(reply.toolCalls).toEqual([
      { name: 'tag_turn', arguments: { objection_type: 'Data', difficulty: 2, sentiment: 'skeptical', next_probe: coo.objectionBank[0]?.text } },
    ]);
  });

  it('plays the generic client when the token carries no persona, whatever the prompt says', () => {
    expect(roleplayReply(ctx([], { persona: null })).text).toBe(GENERIC_PERSONA.openingLine);
  });

  it('stays silent after its own tag output, and does not tag without the tool', () => {
    expect(roleplayReply(ctx([user('hello'), client('Fine.'), call('c1'), output('c1')]))).toEqual({ text: '' });
    expect(roleplayReply(ctx([], { tools: [] }))).toEqual({ text: coo.openingLine });
  });

  it('answers and tags a turn typed while it was still speaking (before its own tag call)', () => {
    const reply = roleplayReply(ctx([client(coo.openingLine), user(GOOD), call('c1'), output('c1')]));
    expect(reply.text).not.toBe('');
    expect(reply.text).not.toBe(coo.openingLine);
    expect(reply.toolCalls?.[0]?.name).toBe('tag_turn');
  });
});

describe('the role-play policy reacts to what the user said', () => {
  it('acknowledges the good answer by its own words and moves to the next objection (issue text)', () => {
    const [reply] = play([GOOD]);
    expect(reply?.text).toBe(`Maria Lopez by 1 March — fine. ${coo.objectionBank[0]?.text}`);
    expect(reply?.text).not.toMatch(/You said|No owner|owns this\?/);
    expect(tagOf(reply!)).toEqual({ objection_type: 'Results', difficulty: 2, sentiment: 'neutral', next_probe: coo.objectionBank[1]?.text });
  });

  it('never echoes the user ("You said:")', () => {
    for (const text of texts([GOOD, 'We are working very hard on the depots', 'Sorry to cut in', 'What matters most to you?'])) {
      expect(text).not.toContain('You said');
    }
  });

  it('presses on a vague answer for exactly what the difficulty needs', () => {
    const [reply] = play(['We are working very hard on the depots']);
    expect(reply?.text).toBe('No owner, no date. Who owns it, and by when?');
    expect(tagOf(reply!)).toEqual({ objection_type: 'Governance', difficulty: 3, sentiment: 'frustrated', next_probe: 'Who owns it, and by when?' });
    expect(texts(['We are working very hard on the depots'], brief('hard'))[0]).toBe(
      'No owner, no date, no checkpoint. Who owns it, by when, and what checkpoint tells me it is working?',
    );
  });

  it('acknowledges what was given and presses on only the missing piece, then accepts when it comes', () => {
    expect(texts(['Maria Lopez will own the depot roster fix', 'By 1 March.'])).toEqual([
      'Maria Lopez — fine. By when? Give me a date.',
      `Maria Lopez by 1 March — fine. ${coo.objectionBank[0]?.text}`,
    ]);
    expect(texts(['We will be done by 1 March.'])[0]).toBe('By 1 March — noted. Who owns it? One name.');
    expect(texts([GOOD], brief('hard'))[0]).toBe('Maria Lopez by 1 March — fine. What checkpoint tells me it is working?');
  });

  it('credits a partial answer on easy, says what would settle it and moves on', () => {
    expect(texts(['Maria Lopez will own it'], brief('easy'))[0]).toBe(`Maria Lopez — fine. A date would settle it. ${coo.objectionBank[0]?.text}`);
  });

  it('never asks for an owner the user has already named', () => {
    // Ten commitments in a row: each of the nine other objections once, then round again, never "who owns this".
    const replies = texts([GOOD, ...Array.from({ length: 9 }, (_, i) => `Maria Lopez will own step ${i + 2} by ${i + 2} April.`)]);
    const whoOwns = coo.objectionBank.find((o) => o.text === 'Who on your side owns this? One name.')!.text;
    expect(replies.some((r) => r.includes(whoOwns))).toBe(false);
    const raised = replies.map((r) => r.slice(r.indexOf('fine.') + 6));
    expect(new Set(raised.slice(0, 9)).size).toBe(9);
    expect(raised[9]).toBe(raised[0]);
  });

  it('stops pressing after two vague answers and moves on, naming what is still missing', () => {
    const replies = texts(['We are on it.', 'It is complex.', 'We are trying.']);
    expect(replies[2]).toBe(`Still no owner and no date. ${coo.objectionBank[0]?.text}`);
  });

  it('hears ownership and blame the way the debrief does', () => {
    expect(texts(['We own this gap, it is on us.'])[0]).toBe('Owning it is a start. Who owns it, and by when?');
    expect(texts(['I will own the recovery plan personally'])[0]).toBe('You own it — fine. By when? Give me a date.');
    const [blamed] = play(['Honestly the depot managers refused to follow the new process.']);
    expect(blamed?.text).toBe('That is an excuse, not a plan. No owner, no date. Who owns it, and by when?');
    expect(tagOf(blamed!)).toMatchObject({ sentiment: 'frustrated' });
  });

  it('answers a question instead of treating its words as a commitment', () => {
    expect(texts(['What would you need to see before the steering committee?'])[0]).toBe('Fair question. I need an owner and a date I can defend.');
  });

  it('cuts in on rambling without specifics and raises the difficulty with the turn count', () => {
    const ramble = 'Well. It has been a hard quarter. People are busy. The rollout is complex. We are doing our best.';
    const replies = play(['Maria Lopez owns it.', 'By 1 March.', ramble]);
    expect(replies[2]?.text.startsWith('Stop. No owner, no date.')).toBe(true);
    expect(tagOf(replies[2]!)).toMatchObject({ difficulty: 4, sentiment: 'skeptical' });
  });

  it('is deterministic: the same call gives the same replies', () => {
    const turns = [GOOD, 'We are on it.', 'What matters most to you?', 'Maria Lopez, by 1 April, weekly review.'];
    expect(play(turns)).toEqual(play(turns));
  });

  it('classifies the topic of what the user said (escalation tags)', () => {
    expect(topicOf('We will release the milestone payment')).toBe('Payment');
    expect(topicOf('The dashboard numbers were wrong')).toBe('Data');
    expect(topicOf('Hello there')).toBeNull();
  });
});

describe('the role-play policy escalates from the response metadata', () => {
  const escalate = (persona: PersonaBrief, said: string, level: number, phrase: string | null) =>
    roleplayReply(ctx([client(persona.openingLine), user(said)], { persona, metadata: escalationMetadata(level, phrase) }));

  it('says the scenario’s line, tagged at the top of the range, whatever the instructions say', () => {
    const reply = escalate(brief(), 'Honestly it is not our fault, the depots resisted', 1, 'not our fault');
    expect(reply.text).toBe(coo.escalation.response);
    expect(reply.toolCalls).toEqual([
      { name: 'tag_turn', arguments: { objection_type: 'Governance', difficulty: 4, sentiment: 'frustrated', next_probe: 'Owner, date and checkpoint. Now.' } },
    ]);
    expect(escalate(brief(), 'We need more time', 2, 'need more time').text).toBe(`${coo.escalation.response} That's the second time.`);
  });

  it('never quotes words the user did not say (the CIO’s "one-off")', () => {
    const persona = brief('medium', cio);
    const rest = "I answer to a board and a regulator. Tell me what you know, what you don't, and when you'll know it, or I start reviewing the termination clause.";
    expect(escalate(persona, 'Honestly, that is not our fault, the vendor patched it', 1, 'not our fault').text).toBe(`I've heard 'not our fault' before. ${rest}`);
    expect(escalate(persona, 'It was a one-off, really.', 1, 'one-off').text).toBe(`I've heard 'one-off' before. ${rest}`);
    expect(escalate(persona, "It isn't our fault.", 1, 'not our fault').text).toBe(`I've heard 'isn't our fault' before. ${rest}`);
    // A phrase the user did not say is never quoted, even if the metadata names it.
    expect(escalate(persona, 'We need more time.', 1, 'unprecedented').text).toBe(`I've heard 'need more time' before. ${rest}`);
    expect(escalate(persona, 'Hmm.', 1, 'unprecedented').text).toBe(rest);
  });

  it('ignores metadata that is not an escalation', () => {
    const reply = roleplayReply(ctx([client(coo.openingLine), user('We need more time')], { metadata: { cue_purpose: 'hint', level: '1' } }));
    expect(reply.text).toBe('No owner, no date. Who owns it, and by when?');
  });
});
