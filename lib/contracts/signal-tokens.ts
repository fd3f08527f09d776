/** Detector tokens a success criterion may use besides plain keywords (see lib/practice/debrief/rubric.ts). */
export const SIGNAL_TOKENS = ['@date', '@owner', '@number', '@checkpoint', '@question'] as const;
export type SignalToken = (typeof SIGNAL_TOKENS)[number];
export function isSignalToken(s: string): s is SignalToken {
  return (SIGNAL_TOKENS as readonly string[]).includes(s);
}
