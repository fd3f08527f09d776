'use server';

import { z } from 'zod';
import { fail, ok, runAction, type ActionResult } from '@/lib/contracts/action-result';
import { siteInputSchema, type KnowledgeHit, type Site } from '@/lib/contracts/website';
import { ingestUpload, ingestUrls, type PageResult } from '@/lib/server/website/fetch-pages';
import { searchKnowledge } from '@/lib/server/website/knowledge';
import { getSite, saveSite } from '@/lib/server/website/sites';

/**
 * Admin actions for the website widget (sites, knowledge). Every one goes through runAction
 * (input parsed first, failures as data). The admin guard (accounts) is added at merge.
 */

export async function saveSiteAction(input: unknown): Promise<ActionResult<Site, 'invalid_input' | 'internal'>> {
  return runAction(siteInputSchema, input, async (site) => ok(await saveSite(site)));
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

export async function ingestKnowledgeAction(input: unknown): Promise<ActionResult<PageResult[], 'invalid_input' | 'internal' | 'unknown_site' | 'nothing_to_ingest'>> {
  return runAction(ingestInput, input, async ({ siteId, urls, files }) => {
    if (!(await getSite(siteId))) return fail('unknown_site', 'That site does not exist.');
    if (urls.length === 0 && files.length === 0) return fail('nothing_to_ingest', 'Give page or sitemap URLs, or choose files to upload.');
    const results: PageResult[] = [];
    for (const file of files) results.push(await ingestUpload(siteId, file));
    if (urls.length > 0) results.push(...(await ingestUrls(siteId, urls)));
    return ok(results);
  });
}

export async function tryQuestionAction(input: unknown): Promise<ActionResult<KnowledgeHit[], 'invalid_input' | 'internal'>> {
  return runAction(z.object({ siteId: z.string().min(1).max(40), question: z.string().trim().min(1, 'Type a question').max(500) }), input, async ({ siteId, question }) =>
    ok(await searchKnowledge(siteId, question, 5)),
  );
}
