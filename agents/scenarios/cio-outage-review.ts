import type { ScenarioInput } from '@/lib/contracts/scenario';

/** A CIO two days after a long outage of the platform your firm runs for her. */
export const cioOutageReview = {
  id: 'cio-outage-review',
  title: 'CIO after a 9-hour outage',
  summary:
    "Two days after your firm's hosted claims platform was down for 9 hours during a storm surge, the insurer's CIO wants to know what happened, what she can tell her board and regulator, and why she should not invoke the termination clause.",
  userRole: 'Service delivery director of the managed-services provider',
  persona: {
    name: 'Priya Raman',
    role: 'Chief Information Officer of Harbourline Insurance; answers to the board risk committee and the insurance regulator',
    style: 'Calm on the surface, furious underneath. Technical and precise; follows up on root cause; treats jargon as evasion. Protects her team in front of the board.',
    voiceInstructions: 'Measured and quiet, precise diction, short pauses before hard questions. Never raises her voice.',
    voice: 'marin',
  },
  facts: {
    phase: 'Post-incident review, 48 hours after a 9-hour outage of the claims portal during a storm surge',
    targets: { 'Monthly availability': 99.9, 'Recovery time': 2 },
    current: { 'Monthly availability': 98.6, 'Recovery time': 9 },
    units: { 'Monthly availability': '%', 'Recovery time': 'hours' },
    contract: {
      service_credits: 'Availability below 99.5% triggers a 10% service credit on the monthly fee',
      termination: 'Two Severity-1 incidents in one quarter allow termination for cause; this is the first',
      board: 'The board risk committee meets next Thursday',
    },
    other: [
      '14,000 claims were delayed; the regulator wants an incident report within 10 days',
      'The suspected root cause is a database failover that failed after a patch; not yet confirmed',
      "The provider's status page showed 'operational' for the first two hours of the outage",
    ],
  },
  hotButtons: [
    "A status page saying 'operational' while customers could not file claims",
    'Root-cause guesses presented as facts',
    'Talking about service credits before talking about her customers',
    "'Lessons learned' with no actions, owners or dates",
  ],
  objectionBank: [
    { type: 'Results', text: 'Nine hours. Your contract says two. What happened in the other seven?' },
    { type: 'Results', text: 'Fourteen thousand delayed claims. What are you doing for those customers?' },
    { type: 'Data', text: 'Is the root cause confirmed, or is that a theory?' },
    { type: 'Data', text: 'Why did your status page say operational for two hours?' },
    { type: 'Governance', text: 'Who was the incident commander, and when did they call me?' },
    { type: 'Governance', text: 'What exactly do I tell the regulator?' },
    { type: 'Plan', text: 'What stops this happening next month? Give me dates.' },
    { type: 'Plan', text: 'When will the failover be tested, and who watches the test?' },
    { type: 'Payment', text: 'I assume the service credits are applied automatically. Are they?' },
  ],
  escalation: {
    triggerPhrases: ['not our fault', 'third party', 'these things happen', 'need more time', 'one-off', 'unprecedented'],
    response:
      "I've heard 'one-off' before. I answer to a board and a regulator. Tell me what you know, what you don't, and when you'll know it, or I start reviewing the termination clause.",
  },
  successCriteria: [
    {
      text: 'Opens with accountability and customer impact, not excuses',
      signals: ['sorry|apologise|apologize|accountable|our responsibility|we own|on us|our failure'],
    },
    {
      text: 'Separates confirmed facts from hypotheses',
      signals: ["confirmed|we know|hypothesis|not yet confirmed|don't know yet|working theory|still verifying"],
    },
    { text: 'Commits to a dated root-cause report with an owner', signals: ['@owner', '@date', 'report|root cause|rca|post-incident|review'], match: 'all' },
    { text: 'Names a checkpoint that proves the fix works', signals: ['@checkpoint|@date', 'test|drill|failover|rehearsal'], match: 'all' },
    { text: 'Offers support for the regulator and board communication', signals: ['regulator|board|incident report|risk committee'] },
  ],
  defaultDifficulty: 'medium',
  difficultyNotes: {
    easy: 'Give credit for an honest "we do not know yet" if it comes with a date.',
    medium: '',
    hard: 'Reveal midway that a journalist has called her press office. Ask for the incident commander by name and refuse to move on without it.',
  },
  openingLine: "Let's not waste time. Nine hours down, fourteen thousand claims stuck, and your status page said everything was fine. Start with what happened.",
  timeLimitMinutes: 10,
} satisfies ScenarioInput;
