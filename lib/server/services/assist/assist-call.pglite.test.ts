import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HERO } from '@/lib/assist/demo/generate';
import type { SuggestEvent } from '@/lib/assist/suggest/suggest-events';
import { LOCAL_ASSIST_MODEL, LocalAssistModelProvider } from '@/lib/assist/suggest/local-assist-model';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { ensureAssistDemoData } from '@/lib/server/db/assist-seed';
import { addTurn, liveCalls, searchCalls, startCall } from './call-service';
import { confirmAction } from './action-service';
import { endCall, saveCall } from './after-call';
import { streamSuggestion } from './suggest-service';

let handle: DatabaseHandle;
const local = { backend: 'local' as const, provider: new LocalAssistModelProvider(), model: LOCAL_ASSIST_MODEL };

beforeAll(async () => {
  handle = createDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(handle);
  await ensureAssistDemoData(handle, { customers: 1000, orders: 4000 });
}, 180_000);
afterAll(() => handle?.close());

async function collect(gen: AsyncGenerator<SuggestEvent>): Promise<SuggestEvent[]> {
  const out: SuggestEvent[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

describe('an assist call end to end (server, local model)', () => {
  it('finds the customer, suggests a reply citing the shipping policy, confirms a replacement, drafts and saves the summary', async () => {
    const db = handle.db;
    const call = await startCall(db, 'order_issue', null);
    const greet = await addTurn(db, { callId: call.id, speaker: 'agent', source: 'typed', text: 'Thanks for calling, this call is recorded for quality. How can I help?' });
    expect(greet.ticked).toEqual(['greet', 'recording_disclosure']);

    const turn = await addTurn(db, { callId: call.id, speaker: 'customer', source: 'typed', text: `my order ${HERO.orderNumber} never arrived, my email is ${HERO.email}` });
    expect(turn.context?.customer.fullName).toBe(HERO.fullName);
    expect(turn.context?.focusOrder?.orderNumber).toBe(HERO.orderNumber);
    expect(turn.proposals.map((p) => p.kind)).toContain('send_replacement');
    expect(turn.sentiments[0]).toBeLessThan(0);

    const events = await collect(streamSuggestion(db, local, { callId: call.id }));
    const calls = events.filter((e) => e.type === 'tool_call').map((e) => (e.type === 'tool_call' ? e.name : ''));
    expect(calls).toEqual(['get_order_details', 'check_policy']);
    const done = events.find((e) => e.type === 'done');
    if (done?.type !== 'done') throw new Error(JSON.stringify(events.at(-1)));
    expect(done.reply).toContain('(Source: Shipping policy: parcels that never arrive)');
    expect(done.sources).toEqual([expect.objectContaining({ kind: 'policy', id: 'shipping-lost-parcel' })]);
    expect(events.filter((e) => e.type === 'delta').map((e) => (e.type === 'delta' ? e.text : '')).join('')).toBe(done.reply);

    const card = await addTurn(db, { callId: call.id, speaker: 'customer', source: 'typed', text: 'my card is 4111 1111 1111 1111' });
    expect(card.turn.text).toBe('my card is [card number redacted]');
    expect(card.alerts.map((a) => a.kind)).toContain('pii_spoken');

    const live = await liveCalls(db, { all: true });
    expect(live.find((c) => c.id === call.id)).toMatchObject({ customerName: HERO.fullName, orderNumber: HERO.orderNumber });

    const replacement = turn.proposals.find((p) => p.kind === 'send_replacement')!;
    const done2 = await confirmAction(db, { callId: call.id, kind: 'send_replacement', params: replacement.params }, 'agent@test');
    expect(done2).toMatchObject({ status: 'done', confirmedBy: 'agent@test' });
    expect(done2.outbox.map((o) => [o.channel, o.status])).toEqual([['fulfilment', 'pending'], ['email', 'pending']]);
    const wrong = await confirmAction(db, { callId: call.id, kind: 'send_refund_link', params: { orderNumber: '0000-0001', email: HERO.email } }, 'agent@test');
    expect(wrong).toMatchObject({ status: 'failed', result: 'Order 0000-0001 is not in the order system.', outbox: [] });

    const ended = await endCall(db, call.id, local);
    expect(ended.draft.disposition).toBe('replacement_sent');
    // The local model drafted it, through the same agent and structured output as OpenAI.
    expect(ended.draftedBy).toEqual({ by: 'local', model: LOCAL_ASSIST_MODEL, note: null });
    expect(ended.draft.crmNote).toContain(`Call with ${HERO.fullName}`);
    expect((await liveCalls(db, { all: true })).some((c) => c.id === call.id)).toBe(false);
    await saveCall(db, { callId: call.id, summary: { ...ended.draft.summary, resolution: 'Edited: replacement sent.' }, disposition: 'replacement_sent', crmNote: ended.draft.crmNote }, 'agent@test');
    const found = await searchCalls(db, { all: true }, HERO.orderNumber);
    expect(found[0]).toMatchObject({ id: call.id, status: 'saved', disposition: 'replacement_sent', summary: expect.objectContaining({ resolution: 'Edited: replacement sent.' }) });
    expect((await searchCalls(db, { all: true }, 'Whitfield'))[0]?.id).toBe(call.id);
  });

  it('says so in words when the order number is unknown, and the call goes on', async () => {
    const call = await startCall(handle.db, 'order_issue', null);
    const turn = await addTurn(handle.db, { callId: call.id, speaker: 'customer', source: 'typed', text: 'my order 1111-0000 is late' });
    expect(turn.notFound).toEqual(['No order 1111-0000 in the order system.']);
    expect(turn.context).toBeNull();
    const events = await collect(streamSuggestion(handle.db, local, { callId: call.id }));
    const done = events.find((e) => e.type === 'done');
    expect(done?.type === 'done' && done.reply).toContain("can't find an order 1111-0000");
  });

  it('keeps the request size constant as the call grows', async () => {
    const call = await startCall(handle.db, 'general', null);
    const sizes: number[] = [];
    for (let i = 0; i < 24; i++) {
      await addTurn(handle.db, { callId: call.id, speaker: i % 2 ? 'agent' : 'customer', source: 'typed', text: `turn number ${i % 10} with some words that are about the same length` });
      if (i % 8 === 7) {
        const started = (await collect(streamSuggestion(handle.db, local, { callId: call.id }))).find((e) => e.type === 'started');
        if (started?.type === 'started') sizes.push(started.requestChars);
      }
    }
    expect(sizes).toHaveLength(3);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2);
  });
});
