'use server';
import { z } from 'zod';
import { fail, ok, runAction, runGuardedAction, type ActionResult } from '@/lib/contracts/action-result';
import {
  acceptInvitationInputSchema,
  changePasswordInputSchema,
  deleteAccountInputSchema,
  setupInputSchema,
  signInInputSchema,
  type AcceptInvitationInput,
  type ChangePasswordInput,
  type DeleteAccountInput,
  type SetupInput,
  type SignInInput,
} from '@/lib/contracts/accounts';
import { signedIn } from '@/lib/server/auth/guard';
import * as accounts from '@/lib/server/services/accounts';
import { deleteAccountAndData, exportAccountData } from '@/lib/server/services/people-data';

/**
 * Account actions. signIn, setUpOwner and acceptInvitation are the only actions anyone may
 * call signed out (they are how one signs in); every other one goes through a guard.
 * Error codes: invalid_input, invalid_credentials, rate_limited, conflict, invitation_invalid,
 * unauthenticated, forbidden, internal.
 */

export async function signIn(input: SignInInput): Promise<ActionResult<{ next: string }>> {
  return runAction(signInInputSchema, input, async ({ email, password, next }) => {
    const r = await accounts.signIn({ email, password });
    return r.ok ? ok({ next: next ?? '/' }) : r;
  });
}

export async function setUpOwner(input: SetupInput): Promise<ActionResult<{ userId: string }>> {
  return runAction(setupInputSchema, input, accounts.createOwner);
}

export async function acceptInvitation(input: AcceptInvitationInput): Promise<ActionResult<{ userId: string }>> {
  return runAction(acceptInvitationInputSchema, input, (data) => accounts.acceptInvitation(data));
}

export async function signOut(): Promise<ActionResult<{ signedOut: true }>> {
  return runGuardedAction(signedIn(), z.undefined(), undefined, async () => {
    await accounts.signOut();
    return ok({ signedOut: true as const });
  });
}

export async function changePassword(input: ChangePasswordInput): Promise<ActionResult<{ changed: true }>> {
  return runGuardedAction(signedIn(), changePasswordInputSchema, input, (data) => accounts.changePassword(data));
}

/** Everything the account holds, as one JSON document. */
export async function exportMyData(): Promise<ActionResult<{ fileName: string; json: string }>> {
  return runGuardedAction(signedIn(), z.undefined(), undefined, async (_data, actor) => ok(await exportAccountData(actor)));
}

/** Deletes the account and everything in it, after the password is confirmed. */
export async function deleteMyAccount(input: DeleteAccountInput): Promise<ActionResult<{ deleted: true }>> {
  return runGuardedAction(signedIn(), deleteAccountInputSchema, input, async ({ password }, actor) => {
    if (!(await accounts.passwordMatches(actor.id, password))) {
      return fail('invalid_credentials', 'That is not your password. Nothing was deleted.', [{ path: 'password', message: 'not your password' }]);
    }
    const r = await deleteAccountAndData(actor);
    if (r.ok) await accounts.signOut().catch(() => undefined);
    return r;
  });
}
