import { z } from 'zod';

/**
 * Inputs of the account actions (app/actions/accounts.ts, app/actions/admin.ts), shared with
 * the forms that send them. Passwords are checked for length only: 10 to 128 characters.
 */

const ROLE_NAMES = ['member', 'coach', 'admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

const email = z.string().trim().toLowerCase().max(254).pipe(z.email('not a valid email address'));
const name = z.string().trim().min(1, 'enter your name').max(100);
const password = z.string().min(10, 'use at least 10 characters').max(128, 'use at most 128 characters');
/** A safe place to go after signing in: a path of this app, never another site. */
const nextPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, 'not a path of this app')
  .optional();

export const signInInputSchema = z.object({ email, password: z.string().min(1, 'enter your password').max(128), next: nextPath });
export const setupInputSchema = z.object({ name, email, password });
export const acceptInvitationInputSchema = z.object({ token: z.string().trim().min(20).max(100), name, email, password });
export const changePasswordInputSchema = z
  .object({ currentPassword: z.string().min(1, 'enter your current password').max(128), newPassword: password })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'choose a password different from the current one' });

export const createInvitationInputSchema = z.object({
  role: z.enum(ROLE_NAMES),
  teamId: z.uuid('not a team').nullable().default(null),
  note: z.string().trim().max(200).nullable().default(null),
  /** Hours until the link stops working. */
  expiresInHours: z.number().int().min(1).max(24 * 30).default(72),
});
export const invitationRefInputSchema = z.object({ id: z.uuid() });
export const updateUserAccessInputSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(ROLE_NAMES).optional(),
  teamId: z.uuid('not a team').nullable().optional(),
});
export const userRefInputSchema = z.object({ userId: z.string().min(1).max(100) });
export const createTeamInputSchema = z.object({ name: z.string().trim().min(2, 'at least 2 characters').max(60) });
export const teamRefInputSchema = z.object({ teamId: z.uuid() });
export const deleteAccountInputSchema = z.object({ password: z.string().min(1, 'enter your password').max(128) });

export type SignInInput = z.input<typeof signInInputSchema>;
export type SetupInput = z.input<typeof setupInputSchema>;
export type AcceptInvitationInput = z.input<typeof acceptInvitationInputSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordInputSchema>;
export type CreateInvitationInput = z.input<typeof createInvitationInputSchema>;
export type UpdateUserAccessInput = z.input<typeof updateUserAccessInputSchema>;
export type CreateTeamInput = z.input<typeof createTeamInputSchema>;
export type DeleteAccountInput = z.input<typeof deleteAccountInputSchema>;

export type AccountView = { id: string; name: string; email: string; role: RoleName; teamId: string | null; teamName: string | null };
export type TeamView = { id: string; name: string; memberCount: number };
export type InvitationView = { id: string; role: RoleName; teamId: string | null; teamName: string | null; note: string | null; expiresAt: Date; createdAt: Date };
export type InvitationStatus = { status: 'open'; role: RoleName; teamName: string | null; expiresAt: Date } | { status: 'used' | 'expired' | 'unknown' };
