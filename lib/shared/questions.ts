/** Questions in the user's speech, read the same way by the debrief metrics, the rubric and the local persona. Pure. */

const INTERROGATIVE_START = /^(who|what|when|where|why|how|which|could|would|can|do|does|did|is|are|will|shall|should|may|have|has)\b/i;

/** Questions in one utterance: sentences ending in "?", or, when unpunctuated, an interrogative opening. */
export function countQuestions(text: string): number {
  const marks = (text.match(/\?+/g) ?? []).length;
  if (marks > 0) return marks;
  const hasPunctuation = /[.!]/.test(text);
  return !hasPunctuation && INTERROGATIVE_START.test(text.trim()) ? 1 : 0;
}
