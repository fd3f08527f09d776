'use client';

import { deletePracticeSession } from '@/app/actions/practice';
import { ConfirmDeleteButton } from '@/components/confirm-delete-button';

/** The owner deletes the session, its transcript and review, after confirming. */
export function DeleteSessionButton({ sessionId }: { sessionId: string }) {
  return <ConfirmDeleteButton remove={() => deletePracticeSession({ sessionId })} afterHref="/history?deleted=1" testId="delete-session" confirmLabel="Delete this session for good" />;
}
