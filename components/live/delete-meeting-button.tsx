'use client';

import { deleteLiveSession } from '@/app/actions/live';
import { ConfirmDeleteButton } from '@/components/confirm-delete-button';

/** The owner deletes a saved meeting, after confirming. */
export function DeleteMeetingButton({ meetingId }: { meetingId: string }) {
  return <ConfirmDeleteButton remove={() => deleteLiveSession({ id: meetingId })} afterHref="/live/history" testId="delete-meeting" confirmLabel="Delete this meeting for good" />;
}
