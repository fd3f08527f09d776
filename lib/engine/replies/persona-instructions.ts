/**
 * Reads what the local engine's role-play persona needs from the instructions the app
 * sent (built by lib/scenarios/prompt-builder.ts): the opening line, the objection bank,
 * the tag ranges, the pressure rhythm and, in a response's own instructions, an
 * escalation directive. Pure; anything missing falls back to a neutral default, so a
 * hand-written prompt still gets a sensible (if plainer) persona.
 */

export const OBJECTION_TYPES = ['Results', 'Data', 'Governance', 'Payment', 'Plan'] as const;
export type PersonaObjectionType = (typeof OBJECTION_TYPES)[number];
export const PERSONA_SENTIMENTS = ['neutral', 'skeptical', 'frustrated'] as const;
export type PersonaSentiment = (typeof PERSONA_SENTIMENTS)[number];

export type PersonaObjection = { type: PersonaObjectionType; text: string };

export type PersonaBrief = {
  name: string | null;
  openingLine: string | null;
  objections: PersonaObjection[];
  tagRange: { min: number; max: number };
  startingSentiment: PersonaSentiment;
  /** Raise the pressure every N persona turns. */
  escalateEvery: number;
  /** Cut in ("Stop.") after this many sentences without an owner, a date or a number. */
  interruptAfterSentences: number;
};

export type EscalationDirective = { line: string; level: number; phrase: string | null };

const DEFAULT_BRIEF: PersonaBrief = {
  name: null,
  openingLine: null,
  objections: [],
  tagRange: { min: 1, max: 5 },
  startingSentiment: 'skeptical',
  escalateEvery: 3,
  interruptAfterSentences: 3,
};

const clampTag = (n: number) => Math.min(5, Math.max(1, Math.round(n)));

function int(match: RegExpExecArray | null, fallback: number): number {
  const n = match?.[1] ? Number(match[1]) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

/** The numbered "[Type] text" lines of the objection bank, in order. */
export function parseObjectionBank(instructions: string): PersonaObjection[] {
  const out: PersonaObjection[] = [];
  const line = /^\s*\d+\.\s*\[(Results|Data|Governance|Payment|Plan)\]\s*(.+?)\s*$/gm;
  for (const m of instructions.matchAll(line)) {
    const type = m[1] as PersonaObjectionType;
    const text = m[2] ?? '';
    if (text) out.push({ type, text });
  }
  return out;
}

export function parsePersonaBrief(instructions: string): PersonaBrief {
  const name = /^You are ([^,\n]+),/m.exec(instructions)?.[1]?.trim() ?? null;
  const openingLine = /Open the call by saying:\s*"(.+)"\s*$/m.exec(instructions)?.[1]?.trim() ?? null;
  const range = /difficulty from (\d) to (\d)/i.exec(instructions);
  const lo = range?.[1] ? clampTag(Number(range[1])) : DEFAULT_BRIEF.tagRange.min;
  const hi = range?.[2] ? clampTag(Number(range[2])) : DEFAULT_BRIEF.tagRange.max;
  const start = /^- Start (neutral|skeptical|frustrated)\b/im.exec(instructions)?.[1]?.toLowerCase() as PersonaSentiment | undefined;
  return {
    name,
    openingLine: openingLine || null,
    objections: parseObjectionBank(instructions),
    tagRange: { min: Math.min(lo, hi), max: Math.max(lo, hi) },
    startingSentiment: start ?? DEFAULT_BRIEF.startingSentiment,
    escalateEvery: Math.max(1, int(/Raise the pressure every (\d+)/i.exec(instructions), DEFAULT_BRIEF.escalateEvery)),
    interruptAfterSentences: Math.max(1, int(/speaks more than (\d+) sentences/i.exec(instructions), DEFAULT_BRIEF.interruptAfterSentences)),
  };
}

/**
 * The escalation the app asked for in a response's instructions
 * (prompt-builder's buildEscalationDirective under "# Right now"), or null.
 */
export function parseEscalationDirective(responseInstructions: string | null): EscalationDirective | null {
  if (!responseInstructions) return null;
  const at = responseInstructions.lastIndexOf('# Right now');
  if (at < 0) return null;
  const directive = responseInstructions.slice(at);
  const line = /Say, in your own voice:\s*"(.+?)"(?=\s*(?:This is escalation|\n|$))/.exec(directive)?.[1]?.trim();
  if (!line) return null;
  const level = int(/This is escalation (\d+)/.exec(directive), 1);
  const phrase = /The consultant just said "(.+?)"\. Escalate now/.exec(directive)?.[1] ?? null;
  return { line, level, phrase };
}
