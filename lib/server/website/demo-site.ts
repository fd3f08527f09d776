import 'server-only';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SITE_LIMITS, type Site, type SiteInput } from '@/lib/contracts/website';
import { WEBSITE_CONCIERGE_ID } from '@/agents/website-concierge';
import { htmlToMarkdown } from './extract';
import { ingestPage } from './knowledge';
import { getSite, saveSite } from './sites';

/**
 * The demo site shipped with the app: the static pages of a fictional consultancy under
 * /demo-site/, site id `demo`, embeddable by the app's own origin (`self`). Created with its
 * knowledge base on first use, so a new user sees the widget working right after `npm run dev`.
 */
export const DEMO_SITE_ID = 'demo';

const DEMO_SITE: SiteInput = {
  id: DEMO_SITE_ID,
  name: 'Northwind Advisory (demo)',
  allowedOrigins: ['self'],
  agentId: WEBSITE_CONCIERGE_ID,
  goal: 'book_call',
  theme: { color: '#0f3d3e', label: 'Ask Northwind', position: 'bottom-right' },
  limits: { ...DEFAULT_SITE_LIMITS, perIpPerMinute: 10 },
  active: true,
};

const DEMO_DIR = path.join(process.cwd(), 'public', 'demo-site');

async function seedDemo(): Promise<Site> {
  const site = await saveSite(DEMO_SITE);
  const files = (await readdir(DEMO_DIR)).filter((f) => f.endsWith('.html')).sort();
  for (const file of files) {
    const { title, markdown } = htmlToMarkdown(await readFile(path.join(DEMO_DIR, file), 'utf8'));
    await ingestPage(DEMO_SITE_ID, { url: `/demo-site/${file}`, title, markdown });
  }
  return site;
}

let seeding: Promise<Site> | null = null;

/** The site, creating the demo site (with its knowledge) the first time `demo` is asked for. */
export async function getSiteOrDemo(id: string): Promise<Site | null> {
  const site = await getSite(id);
  if (site || id !== DEMO_SITE_ID) return site;
  seeding ??= seedDemo().finally(() => {
    seeding = null;
  });
  return seeding;
}
