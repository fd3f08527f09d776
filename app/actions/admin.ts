'use server';
import { z } from 'zod';
import { ok, runGuardedAction, type ActionResult } from '@/lib/contracts/action-result';
import {
  createInvitationInputSchema,
  createTeamInputSchema,
  invitationRefInputSchema,
  teamRefInputSchema,
  updateUserAccessInputSchema,
  userRefInputSchema,
  type AccountView,
  type CreateInvitationInput,
  type CreateTeamInput,
  type InvitationView,
  type TeamView,
  type UpdateUserAccessInput,
} from '@/lib/contracts/accounts';
import { role } from '@/lib/server/auth/guard';
import * as admin from '@/lib/server/services/admin';

/** /admin: accounts, roles, teams and invitation links. Admins only (forbidden for anyone else). */

export async function getAdminView(): Promise<ActionResult<admin.AdminView>> {
  return runGuardedAction(role('admin'), z.undefined(), undefined, async () => ok(await admin.getAdminView()));
}

export async function setUserAccess(input: UpdateUserAccessInput): Promise<ActionResult<AccountView>> {
  return runGuardedAction(role('admin'), updateUserAccessInputSchema, input, (data, actor) => admin.setAccess(actor, data));
}

export async function removeUser(input: { userId: string }): Promise<ActionResult<{ userId: string }>> {
  return runGuardedAction(role('admin'), userRefInputSchema, input, (data, actor) => admin.removeAccount(actor, data));
}

export async function createTeam(input: CreateTeamInput): Promise<ActionResult<TeamView>> {
  return runGuardedAction(role('admin'), createTeamInputSchema, input, admin.createTeam);
}

export async function deleteTeam(input: { teamId: string }): Promise<ActionResult<{ teamId: string }>> {
  return runGuardedAction(role('admin'), teamRefInputSchema, input, admin.deleteTeam);
}

export async function createInvitation(input: CreateInvitationInput): Promise<ActionResult<{ invitation: InvitationView; path: string }>> {
  return runGuardedAction(role('admin'), createInvitationInputSchema, input, (data, actor) => admin.createInvitation(actor, data));
}

export async function revokeInvitation(input: { id: string }): Promise<ActionResult<{ id: string }>> {
  return runGuardedAction(role('admin'), invitationRefInputSchema, input, admin.revokeInvitation);
}
