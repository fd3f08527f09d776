'use client';

import * as Dialog from '@radix-ui/react-dialog';

type Props = {
  hasWords: boolean;
  leaving: boolean;
  failed: boolean;
  endErrorMessage: string | null;
  onClose: () => void;
  onLeave: () => void;
  onLeaveAnyway: () => void;
};

/** The "Leave the call?" dialog itself (loaded on demand by LeaveCallDialog). */
export function LeaveCallPrompt({ hasWords, leaving, failed, endErrorMessage, onClose, onLeave, onLeaveAnyway }: Props) {
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          data-testid="leave-call-dialog"
          className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl focus:outline-none"
          onEscapeKeyDown={(e) => (leaving ? e.preventDefault() : undefined)}
          onPointerDownOutside={(e) => (leaving ? e.preventDefault() : undefined)}
        >
          <Dialog.Title className="text-lg font-semibold text-ink">Leave the call?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm leading-6 text-slate-700" data-testid="leave-call-consequence">
            {hasWords
              ? 'Leaving ends the call. What was said so far is saved and scored: its debrief will be in History.'
              : 'You have not said anything yet, so there is nothing to score. The call stays in History as unfinished; you can resume it from there.'}
          </Dialog.Description>
          {failed ? (
            <p role="alert" data-testid="leave-call-error" className="mt-3 rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
              {endErrorMessage ?? 'The call could not be ended.'} If you leave anyway, it stays in History as unfinished.
            </p>
          ) : null}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            {failed ? (
              <button
                type="button"
                data-testid="leave-anyway"
                onClick={onLeaveAnyway}
                className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-cue/50"
              >
                Leave anyway
              </button>
            ) : (
              <Dialog.Close asChild>
                <button
                  type="button"
                  data-testid="stay-in-call"
                  disabled={leaving}
                  autoFocus
                  className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-cue/50 disabled:opacity-50"
                >
                  Stay
                </button>
              </Dialog.Close>
            )}
            <button
              type="button"
              data-testid="leave-call-confirm"
              disabled={leaving}
              onClick={onLeave}
              className="rounded-lg bg-rose-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-rose-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-400 focus-visible:ring-offset-2 disabled:opacity-60"
            >
              {leaving ? (hasWords ? 'Ending the call…' : 'Leaving…') : failed ? 'Try again' : hasWords ? 'End call and leave' : 'Leave'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
