import { personaBriefSchema, type PersonaBrief } from '@/lib/contracts/persona-brief';

/**
 * The persona the engine plays when a role-play token carries none (an older app, a hand-made
 * token): a plain demanding client, one objection of each kind. Never read from any prompt.
 */
export const GENERIC_PERSONA: PersonaBrief = personaBriefSchema.parse({
  name: 'The client',
  role: 'Senior executive at the client',
  openingLine: 'You asked for this call. Tell me where we stand.',
  objections: [
    { type: 'Results', text: 'What exactly did we get for the money so far?' },
    { type: 'Plan', text: 'What changes next week? Give me dates.', asks: ['date'] },
    { type: 'Governance', text: 'Who on your side owns this? One name.', asks: ['owner'] },
    { type: 'Data', text: 'How do you measure that, and who checks it?', asks: ['owner'] },
    { type: 'Payment', text: 'Why should I keep paying for this?' },
  ],
  tagRange: { min: 1, max: 5 },
  startingSentiment: 'skeptical',
  escalateEvery: 3,
  interruptAfterSentences: 3,
  needs: ['owner', 'date'],
  creditsPartialAnswers: false,
  escalation: { line: 'Stop. I need an owner, a date and a checkpoint, not reasons.', triggerPhrases: [] },
});
