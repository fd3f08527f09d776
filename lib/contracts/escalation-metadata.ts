/**
 * The per-response escalation the app asks for, as `response.metadata` (string values, as the
 * Realtime API requires). The instructions say it in words for a model; the engine reads this.
 */
export const ESCALATION_METADATA = { key: 'cue_purpose', value: 'escalation' } as const;

export type EscalationRequest = { level: number; phrase: string | null };

export function escalationMetadata(level: number, phrase: string | null): Record<string, string> {
  return { [ESCALATION_METADATA.key]: ESCALATION_METADATA.value, level: String(level), ...(phrase ? { phrase } : {}) };
}

