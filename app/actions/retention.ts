'use server';

import { ok, runGuardedAction, type ActionResult } from '@/lib/contracts/action-result';
import { retentionSettingSchema, type RetentionSetting } from '@/lib/contracts/retention';
import { role } from '@/lib/server/auth/guard';
import { db } from '@/lib/server/db/connection';
import { getRetentionSetting, saveRetentionSetting, sweepRetention } from '@/lib/server/services/retention';
import { z } from 'zod';

/**
 * The retention period: admins only (signed out: unauthenticated; another role: forbidden).
 * Saving sweeps at once, so a shorter period takes effect now.
 */
export async function getRetention(): Promise<ActionResult<RetentionSetting>> {
  return runGuardedAction(role('admin'), z.undefined(), undefined, async () => ok(await getRetentionSetting(db())));
}

export async function saveRetention(input: RetentionSetting): Promise<ActionResult<RetentionSetting & { deleted: { practiceSessions: number; liveSessions: number } }>> {
  return runGuardedAction(role('admin'), retentionSettingSchema, input, async (setting) => {
    const saved = await saveRetentionSetting(db(), setting);
    const swept = await sweepRetention(db());
    return ok({ ...saved, deleted: { practiceSessions: swept.practiceSessions, liveSessions: swept.liveSessions } });
  });
}
