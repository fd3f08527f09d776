import { acceptsKeywords, MAX_TRANSCRIPTION_KEYWORDS } from '@/lib/contracts/models';

/** `audio.input.transcription` as both the minted session and the SDK's session.update send it (same shape). */
export type TranscriptionConfig = { model: string; keywords?: string[] };

/** Trimmed, whitespace collapsed, de-duplicated ignoring case, first spelling kept, at most MAX_TRANSCRIPTION_KEYWORDS. */
export function normalizeKeywords(phrases: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const phrase of phrases) {
    const flat = phrase.replace(/\s+/g, ' ').trim();
    const key = flat.toLowerCase();
    if (!flat || seen.has(key)) continue;
    seen.add(key);
    out.push(flat);
    if (out.length === MAX_TRANSCRIPTION_KEYWORDS) break;
  }
  return out;
}

/**
 * The transcription config for a session: the phrases the app listens for go along as
 * `keywords` when the model takes them (gpt-transcribe, gpt-live-transcribe), so a trigger
 * like "walk me through" is transcribed the way it is configured.
 */
export function transcriptionConfig(model: string, keywords: readonly string[] = []): TranscriptionConfig {
  const list = acceptsKeywords(model) ? normalizeKeywords(keywords) : [];
  return list.length > 0 ? { model, keywords: list } : { model };
}
