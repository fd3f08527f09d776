'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fail, ok, runGuardedAction, type ActionResult, type AuthErrorCode } from '@/lib/contracts/action-result';
import { siteInputSchema, type KnowledgeHit, type Site } from '@/lib/contracts/website';
import { role } from '@/lib/server/auth/guard';
import { addSlots } from '@/lib/server/website/bookings';
import { ingestUpload, ingestUrls, type PageResult } from '@/lib/server/website/fetch-pages';
import { searchKnowledge } from '@/lib/server/website/knowledge-search';
import { getSite, saveSite } from '@/lib/server/website/sites';

/**
 * Admin actions for the website widget (sites, knowledge, slots). Every one goes through
 * runGuardedAction with the admin role (signed out: unauthenticated; not an admin: forbidden),
 * then the input is parsed and failures come back as data.
 */

type Fails = 'invalid_input' | 'internal' | 'database_unavailable' | AuthErrorCode;
const admin = () => role('admin');

export async function saveSiteAction(input: unknown): Promise<ActionResult<Site, Fails>> {
  return runGuardedAction(admin(), siteInputSchema, input, async (site) => ok(await saveSite(site)));
}

const MAX_UPLOAD_CHARS = 1_000_000;
const ingestInput = z.object({
  siteId: z.string().min(1).max(40),
  urls: z.array(z.string().trim().min(1).max(2000)).max(50, 'At most 50 URLs at a time').default([]),
  files: z
    .array(
      z.object({
        name: z.string().regex(/\.(html?|md|markdown)$/i, 'Only .html and .md files').max(200),
        text: z.string().max(MAX_UPLOAD_CHARS, 'A file may be at most 1 MB of text'),
      }),
    )
    .max(20, 'At most 20 files at a time')
    .default([]),
});

export async function ingestKnowledgeAction(input: unknown): Promise<ActionResult<PageResult[], Fails | 'unknown_site' | 'nothing_to_ingest'>> {
  return runGuardedAction(admin(), ingestInput, input, async ({ siteId, urls, files }) => {
    if (!(await getSite(siteId))) return fail('unknown_site', 'That site does not exist.');
    if (urls.length === 0 && files.length === 0) return fail('nothing_to_ingest', 'Give page or sitemap URLs, or choose files to upload.');
    const results: PageResult[] = [];
    for (const file of files) results.push(await ingestUpload(siteId, file));
    if (urls.length > 0) results.push(...(await ingestUrls(siteId, urls)));
    // The site page's sources, chunk count and chunks come back fresh with this action's response.
    revalidatePath(`/admin/sites/${siteId}`);
    return ok(results);
  });
}

export async function tryQuestionAction(input: unknown): Promise<ActionResult<KnowledgeHit[], Fails>> {
  return runGuardedAction(admin(), z.object({ siteId: z.string().min(1).max(40), question: z.string().trim().min(1, 'Type a question').max(500) }), input, async ({ siteId, question }) =>
    ok(await searchKnowledge(siteId, question, 5)),
  );
}

const slotsInput = z.object({
  siteId: z.string().min(1).max(40),
  /** First slot, UTC (`2026-12-08T10:00`). */
  firstStart: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Pick a date and time'),
  count: z.number().int().min(1, 'At least 1 slot').max(40, 'At most 40 slots at a time'),
  minutes: z.number().int().min(5, 'At least 5 minutes').max(120, 'At most 120 minutes'),
});

/** Add `count` consecutive slots to the site's availability calendar (existing ones are kept). */
export async function addSlotsAction(input: unknown): Promise<ActionResult<{ added: number }, Fails | 'unknown_site'>> {
  return runGuardedAction(admin(), slotsInput, input, async ({ siteId, firstStart, count, minutes }) => {
    if (!(await getSite(siteId))) return fail('unknown_site', 'That site does not exist.');
    const first = new Date(`${firstStart}:00Z`).getTime();
    const starts = Array.from({ length: count }, (_, i) => new Date(first + i * minutes * 60_000));
    return ok({ added: await addSlots(siteId, starts, minutes) });
  });
}
