'use server';

import { ok, runAction, type ActionResult } from '@/lib/contracts/action-result';
import { retentionSettingSchema, type RetentionSetting } from '@/lib/contracts/retention';
import { db } from '@/lib/server/db/connection';
import { getRetentionSetting, saveRetentionSetting, sweepRetention } from '@/lib/server/services/retention';
import { z } from 'zod';

/**
 * The retention period (admin). NOT YET GUARDED: the lead wraps both with the admin check of
 * the accounts work (A1). Saving sweeps at once, so a shorter period takes effect now.
 */
export async function getRetention(): Promise<ActionResult<RetentionSetting>> {
  return runAction(z.undefined(), undefined, async () => ok(await getRetentionSetting(db())));
}

export async function saveRetention(input: RetentionSetting): Promise<ActionResult<RetentionSetting & { deleted: { practiceSessions: number; liveSessions: number } }>> {
  return runAction(retentionSettingSchema, input, async (setting) => {
    const saved = await saveRetentionSetting(db(), setting);
    const swept = await sweepRetention(db());
    return ok({ ...saved, deleted: { practiceSessions: swept.practiceSessions, liveSessions: swept.liveSessions } });
  });
}
