import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { websiteKnowledgeTerms, websiteSites } from '@/lib/server/db/schema';
import { DEFAULT_SITE_LIMITS } from '@/lib/contracts/website';
import { ingestPage, listChunks } from './knowledge';
import { searchKnowledge } from './knowledge-search';

const PRICING = '# Pricing\n## Workshops\nThe executive AI workshop costs 4,800 euros for up to twelve people.\n## Coaching\nMonthly coaching is 1,200 euros per leader.';
const TEAM = '# About us\n## Maria Keller\nMaria leads our strategy practice and ran data teams for ten years.\n## Offices\nWe work from Lisbon and Berlin.';

describe('knowledge base on PGlite', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = createDatabase({ pgliteDir: 'memory://' });
    await migrateDatabase(h);
    await h.db.insert(websiteSites).values({ id: 'kb', name: 'KB', allowedOrigins: ['self'], agentId: 'website-concierge', goal: 'book_call', theme: { color: '#112233', label: 'Ask', position: 'bottom-right' }, limits: DEFAULT_SITE_LIMITS });
    await ingestPage('kb', { url: 'https://nw.test/pricing', title: 'x', markdown: PRICING }, h.db);
    await ingestPage('kb', { url: 'https://nw.test/about', title: 'x', markdown: TEAM }, h.db);
  }, 60_000);
  afterAll(() => h.close());

  it('finds the pricing page first for a long spoken question (OR of the words, not AND)', async () => {
    const hits = await searchKnowledge('kb', 'so how much does the workshop actually cost for my team', 4, h.db);
    expect(hits[0]).toMatchObject({ url: 'https://nw.test/pricing', title: 'Pricing', headingPath: 'Pricing > Workshops' });
    expect(hits[0]?.snippet).toContain('«workshop»');
  }, 60_000);

  it('finds a person by a misspelt name through trigrams', async () => {
    const hits = await searchKnowledge('kb', 'who is Mariah Keler', 4, h.db);
    expect(hits[0]?.headingPath).toBe('About us > Maria Keller');
  }, 60_000);

  it('finds nothing for unrelated words or an empty question', async () => {
    expect(await searchKnowledge('kb', 'zebra xylophone', 4, h.db)).toEqual([]);
    expect(await searchKnowledge('kb', '   ', 4, h.db)).toEqual([]);
  }, 60_000);

  it('re-ingest writes only what changed and removes dropped sections', async () => {
    const same = await ingestPage('kb', { url: 'https://nw.test/pricing', title: 'x', markdown: PRICING }, h.db);
    expect(same).toEqual({ added: 0, updated: 0, unchanged: 2, removed: 0 });
    const changed = await ingestPage('kb', { url: 'https://nw.test/pricing', title: 'x', markdown: '# Pricing\n## Workshops\nThe workshop now costs 5,200 euros.' }, h.db);
    expect(changed).toEqual({ added: 0, updated: 1, unchanged: 0, removed: 1 });
    const chunks = (await listChunks('kb', 100, h.db)).filter((c) => c.url.endsWith('/pricing'));
    expect(chunks.map((c) => c.body)).toEqual(['The workshop now costs 5,200 euros.']);
  }, 60_000);

  it('keeps each lexeme\'s chunk count through insert, update and delete (the triggers)', async () => {
    const terms = async () =>
      Object.fromEntries(
        (await h.db.select().from(websiteKnowledgeTerms).where(and(eq(websiteKnowledgeTerms.siteId, 'kb'), inArray(websiteKnowledgeTerms.lexeme, ['workshop', 'coach', 'lisbon', 'price', 'euro']))))
          .map((t) => [t.lexeme, t.chunks]),
      );
    // After the re-ingest above: pricing has one chunk (the workshop), coaching was removed.
    expect(await terms()).toEqual({ workshop: 1, price: 1, euro: 1, lisbon: 1 });
    await ingestPage('kb', { url: 'https://nw.test/pricing', title: 'x', markdown: PRICING }, h.db);
    expect(await terms()).toEqual({ workshop: 1, coach: 1, price: 2, euro: 2, lisbon: 1 });
    expect((await searchKnowledge('kb', 'coaching price', 4, h.db))[0]?.headingPath).toBe('Pricing > Coaching');
  }, 60_000);
});
