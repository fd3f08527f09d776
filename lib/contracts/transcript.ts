import { z } from 'zod';

/** Who spoke: the user (the consultant practising) or the client persona. */
const SPEAKERS = ['user', 'client'] as const;
export const speakerSchema = z.enum(SPEAKERS);
export type Speaker = z.infer<typeof speakerSchema>;

/** One completed utterance of the practice call, as stored. */
export type TranscriptItem = {
  itemId: string;
  /** Position in the conversation (the realtime history order). */
  seq: number;
  speaker: Speaker;
  text: string;
  startedAt: Date;
  /** When the utterance ended; null when the transport did not say. */
  endedAt: Date | null;
};
