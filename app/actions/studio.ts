'use server';
import { z } from 'zod';
import { runGuardedAction, type ActionResult } from '@/lib/contracts/action-result';
import {
  agentRefInputSchema,
  createAgentInputSchema,
  mapNumberInputSchema,
  rollbackInputSchema,
  saveAgentInputSchema,
  unmapNumberInputSchema,
  type CreateAgentInput,
  type RollbackInput,
  type SaveAgentInput,
  type StudioAgentSummary,
  type StudioEditorView,
} from '@/lib/contracts/studio-view';
import { role } from '@/lib/server/auth/guard';
import { db } from '@/lib/server/db/connection';
import * as studio from '@/lib/server/studio/studio-service';
import { ok } from '@/lib/contracts/action-result';

/** /admin/studio: agent configs, their versions and phone numbers. Admins only (forbidden for anyone else). */

export async function listStudioAgents(): Promise<ActionResult<StudioAgentSummary[]>> {
  return runGuardedAction(role('admin'), z.undefined(), undefined, async () => ok(await studio.listStudioAgents(db())));
}

export async function getStudioEditor(input: { agentId: string }): Promise<ActionResult<StudioEditorView>> {
  return runGuardedAction(role('admin'), agentRefInputSchema, input, (data) => studio.getEditorView(db(), data.agentId));
}

export async function saveStudioAgent(input: SaveAgentInput): Promise<ActionResult<{ version: number }>> {
  return runGuardedAction(role('admin'), saveAgentInputSchema, input, (data, actor) => studio.saveAgent(db(), actor, data));
}

export async function rollbackStudioAgent(input: RollbackInput): Promise<ActionResult<{ version: number }>> {
  return runGuardedAction(role('admin'), rollbackInputSchema, input, (data, actor) => studio.rollbackAgent(db(), actor, data));
}

export async function mapStudioNumber(input: { agentId: string; number: string }): Promise<ActionResult<{ number: string }>> {
  return runGuardedAction(role('admin'), mapNumberInputSchema, input, (data, actor) => studio.mapNumber(db(), actor, data));
}

export async function unmapStudioNumber(input: { number: string }): Promise<ActionResult<{ number: string }>> {
  return runGuardedAction(role('admin'), unmapNumberInputSchema, input, (data) => studio.unmapNumber(db(), data.number));
}

export async function createStudioAgent(input: CreateAgentInput): Promise<ActionResult<{ id: string }>> {
  return runGuardedAction(role('admin'), createAgentInputSchema, input, (data, actor) => studio.createAgent(db(), actor, data));
}
