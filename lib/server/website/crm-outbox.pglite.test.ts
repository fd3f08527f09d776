import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNull } from 'drizzle-orm';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { websiteOutbox, websiteSites } from '@/lib/server/db/schema';
import { DEFAULT_SITE_LIMITS } from '@/lib/contracts/website';
import { deliverOutbox, MAX_ATTEMPTS, outboxStatus, signatureOf } from './crm-outbox';
import { saveLead } from './leads';

/** A fake CRM on loopback: records what it receives, answers with the status it is told to. */
type Received = { headers: IncomingHttpHeaders; body: string };
let crm: Server;
let crmUrl = '';
const received: Received[] = [];
let answer = 200;

describe('CRM outbox delivery (PGlite, a local fake CRM)', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    crm = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((r) => crm.listen(0, '127.0.0.1', r));
    crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/hooks/cue`;
    h = createDatabase({ pgliteDir: 'memory://' });
    await migrateDatabase(h);
    await h.db.insert(websiteSites).values({ id: 'crm', name: 'CRM', allowedOrigins: ['self'], agentId: 'website-concierge', goal: 'book_call', theme: { color: '#112233', label: 'Ask', position: 'bottom-right' }, limits: DEFAULT_SITE_LIMITS });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await new Promise<void>((r) => crm.close(() => r()));
  });

  it('posts a captured lead once, signed, with its delivery id, and marks it delivered', async () => {
    const lead = await saveLead({ siteId: 'crm', name: 'Ada Lovelace', email: 'ada@example.com', company: 'Engines', role: '', challenge: 'pricing', consent: true }, h.db);
    const now = new Date();
    expect(await deliverOutbox(h.db, { url: crmUrl, secret: 'shh' }, now)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [hit] = received;
    const body = JSON.parse(hit!.body) as { id: string; event: string; siteId: string; data: { leadId: string; email: string } };
    expect(body).toMatchObject({ event: 'lead.created', siteId: 'crm', data: { leadId: lead.id, email: 'ada@example.com' } });
    expect(hit!.headers['x-cue-delivery']).toBe(body.id);
    expect(hit!.headers['x-cue-event']).toBe('lead.created');
    expect(hit!.headers['x-cue-signature']).toBe(signatureOf(hit!.body, 'shh'));
    // Delivered rows are not sent again.
    expect(await deliverOutbox(h.db, { url: crmUrl, secret: 'shh' }, new Date(now.getTime() + 3_600_000))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(await outboxStatus('crm', h.db)).toEqual({ pending: 0, delivered: 1, failed: 0, lastError: null });
  }, 60_000);

  it('retries a failing CRM with backoff, keeps the same delivery id, and gives up after the last attempt', async () => {
    received.length = 0;
    answer = 503;
    await saveLead({ siteId: 'crm', name: 'Grace Hopper', email: 'grace@example.com', company: '', role: '', challenge: '', consent: true }, h.db);
    const t0 = new Date();
    expect(await deliverOutbox(h.db, { url: crmUrl }, t0)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(await outboxStatus('crm', h.db)).toEqual({ pending: 1, delivered: 1, failed: 0, lastError: 'HTTP 503' });
    // Not due again within the first backoff (30 s)…
    expect(await deliverOutbox(h.db, { url: crmUrl }, new Date(t0.getTime() + 10_000))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    // …then retried, each time later, until MAX_ATTEMPTS.
    let at = t0.getTime();
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      at += 7 * 3_600_000;
      const report = await deliverOutbox(h.db, { url: crmUrl }, new Date(at));
      expect(report).toEqual(attempt === MAX_ATTEMPTS ? { delivered: 0, retrying: 0, failed: 1 } : { delivered: 0, retrying: 1, failed: 0 });
    }
    expect(received).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(received.map((r) => r.headers['x-cue-delivery'])).size).toBe(1);
    expect(await deliverOutbox(h.db, { url: crmUrl }, new Date(at + 30 * 3_600_000))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await outboxStatus('crm', h.db)).toEqual({ pending: 0, delivered: 1, failed: 1, lastError: 'HTTP 503' });
  }, 60_000);

  it('records an unreachable CRM as a retry with the reason, and delivers once it answers', async () => {
    answer = 200;
    await saveLead({ siteId: 'crm', name: 'Alan Turing', email: 'alan@example.com', company: '', role: '', challenge: '', consent: true }, h.db);
    // A port that was just free: nothing listens there.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const t0 = new Date();
    expect(await deliverOutbox(h.db, { url: `http://127.0.0.1:${deadPort}/hooks` }, t0)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const row = (await h.db.select().from(websiteOutbox).where(isNull(websiteOutbox.deliveredAt))).find((r) => r.attempts === 1);
    expect(row?.lastError).toMatch(/fetch failed \(ECONNREFUSED\)/);
    expect(await deliverOutbox(h.db, { url: crmUrl }, new Date(t0.getTime() + 60_000))).toEqual({ delivered: 1, retrying: 0, failed: 0 });
  }, 60_000);
});
