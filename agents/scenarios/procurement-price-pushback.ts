import type { ScenarioInput } from '@/lib/contracts/scenario';

/** A procurement lead pushing hard on price at a contract renewal. */
export const procurementPricePushback = {
  id: 'procurement-price-pushback',
  title: 'Procurement lead: renewal price pushback',
  summary:
    'Final round of a 3-year renewal for the analytics platform you run for a retail chain. Procurement wants 18% off, quotes a cheaper competitor and has a CFO savings mandate behind him. Defend the value and trade, do not cave.',
  userRole: 'Account director of the supplier renewing the contract',
  persona: {
    name: 'Tomas Lindqvist',
    role: 'Head of Strategic Procurement at Nordmark Retail (340 stores), owner of the supplier renewal',
    style: 'Polite, cold and methodical. Anchors hard, uses silence, compares every number to a competitor quote. Never reveals his budget.',
    voiceInstructions: 'Even, unhurried, slightly bored. Long pauses after the other side names a number.',
    voice: 'ash',
  },
  facts: {
    phase: 'Final negotiation round before the renewal goes to the budget committee',
    targets: { 'Annual fee': 410, 'Platform uptime': 99.9 },
    current: { 'Annual fee': 500, 'Platform uptime': 99.5 },
    units: { 'Annual fee': 'k EUR per year', 'Platform uptime': '%' },
    contract: {
      term: 'Current contract expires 31 March; the 90-day notice period is already running',
      competitor: 'A rival has quoted 380k EUR per year for a comparable scope (according to Tomas)',
      payment_terms: 'Tomas wants 60-day payment terms instead of 30',
    },
    other: [
      'The CFO has mandated 15% savings across all IT suppliers this fiscal year',
      'The merchandising team uses the platform daily and does not want to switch',
      'Last year the platform cut stock-out reporting from 3 days to 4 hours',
    ],
  },
  hotButtons: [
    'A discount offered without asking for anything in return (he reads it as padding)',
    'Value claims without numbers',
    'Going over his head to the business users',
    "Price increases hidden in 'indexation'",
  ],
  objectionBank: [
    { type: 'Payment', text: "Your competitor is at three hundred and eighty. You're at five hundred. Close that gap." },
    { type: 'Payment', text: 'I need eighteen percent off, or this goes to tender.' },
    { type: 'Payment', text: 'Why would I accept indexation on top of this price?' },
    { type: 'Results', text: 'What did we actually get for five hundred thousand last year? In numbers.' },
    { type: 'Data', text: 'Your usage report says four hundred active users. I count two hundred and fifty licences in use. Which is it?' },
    { type: 'Governance', text: 'If I sign for three years, what protects me when your service slips?' },
    { type: 'Governance', text: 'Can you commit to a number today, or do you need to ask someone?' },
    { type: 'Plan', text: 'What changes in year two that justifies this price?' },
  ],
  escalation: {
    triggerPhrases: ['best price', "can't go lower", 'standard pricing', 'company policy', 'our hands are tied', 'need to check with'],
    response:
      "Then I'll tell the committee we're going to tender. You have until Friday to send me a number I can take to the CFO.",
  },
  successCriteria: [
    { text: 'Quantifies the value delivered with a concrete number', signals: ['@number', 'value|saved|savings|reduced|cut|return|hours'], match: 'all' },
    {
      text: 'Trades every concession for something in return',
      signals: ['in return|in exchange|provided that|on condition|if you can|if you commit|if we extend|longer term'],
    },
    { text: 'Asks what is driving the savings target', signals: ['@question', 'target|budget|savings|mandate|driving|cfo'], match: 'all' },
    { text: 'Proposes a concrete next step with a date', signals: ['@date', 'send|proposal|meet|follow up|revised|next step'], match: 'all' },
  ],
  defaultDifficulty: 'medium',
  difficultyNotes: {
    easy: 'Accept a well-argued 8-10% reduction if it comes with a longer term.',
    medium: '',
    hard: 'Claim the competitor quote is now 350k. Refuse the first two offers whatever they are.',
  },
  openingLine: "Thanks for coming in. I'll be direct: your renewal quote is twenty-five percent above the market. What are you going to do about it?",
  timeLimitMinutes: 12,
} satisfies ScenarioInput;
