import type { ActionResult } from '@/lib/contracts/action-result';
import type { EndPracticeSessionInput, GetSessionInput } from '@/lib/contracts/practice-actions';
import type { PracticeSessionDetail } from '@/lib/contracts/practice-session';
import type { Difficulty, Scenario } from '@/lib/contracts/scenario';
import type { TranscriptItem } from '@/lib/contracts/transcript';
import type { StoredTurnTag } from '@/lib/contracts/turn-tag';
import type { ControllerDeps, MintInput, MintResult } from '@/lib/realtime/session/controller';
import type { RecorderActions } from './call-recorder';
import type { CallData } from './call-store';

/** What a practice call is set up with and the server actions it calls. */

export type PracticeCallActions = RecorderActions & {
  mint: (input: MintInput & { practiceSessionId: string }) => Promise<MintResult>;
  endPracticeSession: (input: EndPracticeSessionInput) => Promise<ActionResult<PracticeSessionDetail>>;
  /** Is the session still open? (A page restored from the browser's history may show a call that has ended.) */
  getSession: (input: GetSessionInput) => Promise<ActionResult<PracticeSessionDetail>>;
};

export type PracticeCallSetup = {
  sessionId: string;
  scenario: Scenario;
  difficulty: Difficulty;
  timeLimitSeconds: number;
  /** Already saved before this page opened (a call resumed after a reload or a crash). */
  savedItems?: readonly TranscriptItem[];
  savedTags?: readonly StoredTurnTag[];
  /** Seconds of the call already spent before this page. */
  elapsedSeconds?: number;
};

export type PracticeCallOptions = {
  realtimeDeps?: Partial<Omit<ControllerDeps, 'store' | 'mint'>>;
  now?: () => number;
  clockTickMs?: number;
};

export type EndReason = NonNullable<CallData['endReason']>;
