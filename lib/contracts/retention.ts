import { z } from 'zod';

/** The admin's retention setting: transcripts older than `days` are deleted automatically; null keeps them. */
export const MAX_RETENTION_DAYS = 3650;

export const retentionSettingSchema = z.object({
  days: z
    .number({ error: 'enter a whole number of days' })
    .int('enter a whole number of days')
    .min(1, 'keep transcripts at least 1 day')
    .max(MAX_RETENTION_DAYS, `at most ${MAX_RETENTION_DAYS} days (ten years); choose "Keep forever" instead`)
    .nullable(),
});
export type RetentionSetting = z.infer<typeof retentionSettingSchema>;
