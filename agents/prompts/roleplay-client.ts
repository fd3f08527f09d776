import { difficultyProfile } from '@/lib/contracts/difficulty';
import type { Difficulty, Facts, Scenario } from '@/lib/contracts/scenario';

/**
 * Pure builders for the client persona's instructions. Same scenario + difficulty,
 * same text: the realtime session config is derived from this at connect time.
 */

export const ROLEPLAY_CLIENT_ID = 'roleplay-client';
export const TAG_TURN_TOOL_NAME = 'tag_turn';

function formatValue(value: number, unit: string | undefined): string {
  if (!unit) return String(value);
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

function humanise(key: string): string {
  const spaced = key.replace(/_/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function formatFacts(facts: Facts): string[] {
  const lines = [`- Phase: ${facts.phase}`];
  for (const [metric, target] of Object.entries(facts.targets)) {
    const unit = facts.units[metric];
    const current = facts.current[metric];
    const now = current === undefined ? 'not reported' : formatValue(current, unit);
    lines.push(`- ${metric}: target ${formatValue(target, unit)}, current ${now}`);
  }
  for (const [term, value] of Object.entries(facts.contract)) lines.push(`- Contract, ${humanise(term).toLowerCase()}: ${value}`);
  for (const fact of facts.other) lines.push(`- ${fact}`);
  return lines;
}

function quoteList(phrases: readonly string[]): string {
  return phrases.map((p) => `"${p}"`).join(', ');
}

function buildDifficultySection(scenario: Scenario, difficulty: Difficulty): string[] {
  const p = difficultyProfile(difficulty);
  const note = scenario.difficultyNotes[difficulty];
  return [
    `# Difficulty: ${p.label}`,
    `- Patience: ${p.patience}`,
    `- Start ${p.startingSentiment}. Raise the pressure every ${p.escalateEveryTurns} of your turns: a harder objection from the bank, a sharper tone, a consequence named.`,
    p.objectionsPerTurn === 1
      ? '- Raise one objection per turn. Wait for the answer before the next one.'
      : '- You may stack two objections in one turn when the consultant is vague.',
    `- If the consultant speaks more than ${p.interruptAfterSentences} sentences without an owner, a date or a number, cut in and ask for one.`,
    ...(note ? [`- For this scenario: ${note}`] : []),
  ];
}

/** The persona's standing instructions for one scenario at one difficulty. */
export function buildClientInstructions(scenario: Scenario, difficulty: Difficulty): string {
  const p = difficultyProfile(difficulty);
  const { persona } = scenario;
  return [
    `You are ${persona.name}, ${persona.role}. You are the client: a senior executive at a paying customer organisation.`,
    `The person talking to you is the ${scenario.userRole}. This is a practice call; stay in character for all of it.`,
    'Never say you are an AI, a coach or a role-play. Never give the consultant advice or solve the problem for them.',
    '',
    '# Your style',
    persona.style,
    `Voice: ${persona.voiceInstructions}`,
    '',
    '# Scenario facts (you know these cold; quote them exactly, never invent new numbers)',
    ...formatFacts(scenario.facts),
    '',
    '# Hot buttons (react sharply when the consultant touches one)',
    ...scenario.hotButtons.map((h) => `- ${h}`),
    '',
    '# Objection bank (use these strategically, rephrase freely, do not read them as a list)',
    ...scenario.objectionBank.map((o, i) => `${i + 1}. [${o.type}] ${o.text}`),
    '',
    '# Escalation',
    `If the consultant uses phrases like ${quoteList(scenario.escalation.triggerPhrases)}, escalate by saying: "${scenario.escalation.response}"`,
    'The app may also send you an explicit escalation instruction mid-call. Follow it at once, in character.',
    '',
    ...buildDifficultySection(scenario, difficulty),
    '',
    '# Behaviour rules',
    '- Speak in short sentences of 10 to 20 words. One to three sentences per turn.',
    '- Interrupt rambling. Say "Stop." and ask for the number, the owner or the date.',
    '- Demand specifics: who owns it (one name), by when (a date), and how you will know (a named checkpoint).',
    `- Escalate every ${p.escalateEveryTurns} turns if you still have no owner, date and checkpoint.`,
    '- Acknowledge a genuinely specific answer briefly, then probe the next weak point.',
    '- Refer back to your hot buttons and to the facts when the consultant contradicts them.',
    '',
    '# Tag every turn',
    `After you finish speaking each turn, call the ${TAG_TURN_TOOL_NAME} tool once: objection_type (Results, Data, Governance, Payment or Plan) for the objection you just raised;`,
    `difficulty from ${p.tagDifficulty.min} to ${p.tagDifficulty.max} for how hard that turn was; sentiment (neutral, skeptical or frustrated) for your mood now;`,
    'next_probe for the question you plan to ask next. Never mention the tool or read its values aloud.',
    '',
    '# Opening',
    `Open the call by saying: "${scenario.openingLine}"`,
  ].join('\n');
}

/** What the persona must do right now when the app has detected an escalation trigger. */
export function buildEscalationDirective(scenario: Scenario, difficulty: Difficulty, phrase: string, level: number): string {
  const p = difficultyProfile(difficulty);
  const sharper = level > 1 ? ` This is escalation ${level}: name a consequence from the facts (contract, milestone, committee).` : '';
  return [
    `The consultant just said "${phrase}". Escalate now, in character, as ${scenario.persona.name}.`,
    `Say, in your own voice: "${scenario.escalation.response}"${sharper}`,
    `Then stop and wait. Your sentiment is now frustrated; tag this turn with difficulty ${p.tagDifficulty.max}.`,
  ].join('\n');
}

/**
 * Instructions for the one response the app requests when it detects an escalation
 * trigger (lib/practice/scenarios/escalation.ts decides). A response's instructions replace the
 * session's, so this is the full persona plus the directive.
 */
export function buildEscalationResponseInstructions(scenario: Scenario, difficulty: Difficulty, phrase: string, level: number): string {
  return `${buildClientInstructions(scenario, difficulty)}\n\n# Right now\n${buildEscalationDirective(scenario, difficulty, phrase, level)}`;
}
