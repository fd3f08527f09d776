import type { ActionResult } from '@/lib/contracts/action-result';
import type { ActionKind, AddTurnInput, ConfirmActionInput, CustomerContext, SaveCallInput } from '../call/call-types';
import type { ActionDone, CallEnded, CallStarted, TurnResult } from '../call/call-views';
import { parseSseChunk, type SuggestEvent } from '../suggest/suggest-events';
import { IDLE_SUGGESTION, initialAssistState, type AssistStore } from './assist-store';
import { SuggestionScheduler } from './suggestion-scheduler';

/**
 * Runs one call for the page: turns go to the server (which redacts, detects, looks up and ticks)
 * and their results into the store; each final customer turn schedules a suggestion, streamed
 * from /api/assist/suggest; confirmed actions, hang-up and save go through the server actions.
 * Every failure lands in the store beside the part it concerns; the call goes on.
 */

export type AssistApi = {
  start: (i: { callType: string }) => Promise<ActionResult<CallStarted>>;
  addTurn: (i: AddTurnInput) => Promise<ActionResult<TurnResult>>;
  select: (i: { callId: string; customerId: number }) => Promise<ActionResult<CustomerContext>>;
  confirm: (i: ConfirmActionInput) => Promise<ActionResult<ActionDone>>;
  end: (i: { callId: string }) => Promise<ActionResult<CallEnded>>;
  save: (i: SaveCallInput) => Promise<ActionResult<{ id: string; savedAt: string }>>;
  alerts: (i: { callId: string }) => Promise<ActionResult<{ alerts: TurnResult['alerts']; checklist: TurnResult['checklist'] }>>;
  fetch?: typeof fetch;
};

const UNREACHABLE = 'The server could not be reached. Check the connection and try again.';

export class AssistDriver {
  #scheduler: SuggestionScheduler;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: AssistStore, private readonly api: AssistApi) {
    this.#scheduler = this.#newScheduler();
  }

  #newScheduler(): SuggestionScheduler {
    return new SuggestionScheduler((signal, question) => this.#suggest(signal, question));
  }

  #set(patch: Partial<ReturnType<AssistStore['getState']>>) {
    this.store.setState(patch);
  }

  #errors(patch: Partial<ReturnType<AssistStore['getState']>['errors']>) {
    this.store.setState((s) => ({ errors: { ...s.errors, ...patch } }));
  }

  async start(callType: string): Promise<boolean> {
    this.#scheduler.dispose();
    this.#set({ ...initialAssistState(), phase: 'starting', channels: this.store.getState().channels });
    const r = await this.api.start({ callType }).catch(() => null);
    if (!r?.ok) {
      this.#set({ phase: 'idle' });
      this.#errors({ call: r ? r.error.message : UNREACHABLE });
      return false;
    }
    this.#scheduler = this.#newScheduler();
    this.#set({ phase: 'live', call: r.data, checklist: r.data.checklist });
    return true;
  }

  /** A final line on a channel (mic = agent, tab = customer) or typed. Turns are sent in order. */
  say(speaker: 'agent' | 'customer', source: 'mic' | 'tab' | 'typed', text: string): Promise<void> {
    const run = this.#queue.then(() => this.#say(speaker, source, text));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #say(speaker: 'agent' | 'customer', source: 'mic' | 'tab' | 'typed', text: string): Promise<void> {
    const call = this.store.getState().call;
    if (!call || this.store.getState().phase !== 'live') return;
    const sent = performance.now();
    const r = await this.api.addTurn({ callId: call.id, speaker, source, text }).catch(() => null);
    if (!r?.ok) {
      this.#errors({ turn: `That line was not recorded: ${r ? r.error.message : UNREACHABLE}` });
      return;
    }
    const t = r.data;
    const s = this.store.getState();
    const foundCustomer = t.context && t.context.customer.id !== s.context?.customer.id;
    this.#set({
      lines: [...s.lines, t.turn],
      context: t.context ?? s.context,
      candidates: t.context ? [] : t.candidates.length ? t.candidates : s.candidates,
      notFound: t.notFound,
      checklist: t.checklist,
      alerts: t.alerts,
      sentiments: t.sentiments,
      trend: t.trend,
      proposals: t.proposals.length ? t.proposals.filter((p) => !s.done.some((d) => d.kind === p.kind && d.status === 'done')) : s.proposals,
      panelMs: foundCustomer ? Math.round(performance.now() - sent) : s.panelMs,
    });
    this.#errors({ turn: null });
    if (speaker === 'customer') this.#scheduler.utterance();
  }

  ask(question: string): void {
    this.#scheduler.ask(question);
  }

  async #suggest(signal: AbortSignal, question: string | null): Promise<void> {
    const call = this.store.getState().call;
    if (!call) return;
    this.#set({ suggestion: { ...IDLE_SUGGESTION, status: 'streaming', question } });
    const doFetch = this.api.fetch ?? fetch;
    try {
      const res = await doFetch('/api/assist/suggest', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ callId: call.id, question }), signal });
      if (!res.ok || !res.body) {
        const said = (await res.json().catch(() => null)) as { error?: { message?: unknown } } | null;
        throw new Error(typeof said?.error?.message === 'string' ? said.error.message : `the suggestion service answered ${res.status}`);
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseSseChunk(buffer + value);
        buffer = parsed.rest;
        for (const e of parsed.events) if (!signal.aborted) this.#apply(e);
      }
    } catch (error) {
      if (signal.aborted) return;
      this.#set({ suggestion: { ...this.store.getState().suggestion, status: 'error', message: `No suggestion this time: ${error instanceof Error ? error.message : String(error)}. The call goes on.` } });
    }
  }

  #apply(e: SuggestEvent) {
    const s = this.store.getState().suggestion;
    if (e.type === 'started') this.#set({ suggestion: { ...s, requestChars: e.requestChars } });
    else if (e.type === 'tool_call') this.#set({ suggestion: { ...s, tools: [...s.tools, { name: e.name, args: e.args, summary: null }] } });
    else if (e.type === 'tool_result') {
      const i = s.tools.findIndex((t) => t.name === e.name && t.summary === null);
      const tools = s.tools.map((t, j) => (j === i ? { ...t, summary: e.summary } : t));
      this.#set({ suggestion: { ...s, tools } });
    } else if (e.type === 'delta') this.#set({ suggestion: { ...s, text: s.text + e.text } });
    else if (e.type === 'done') {
      const done = this.store.getState().done;
      const proposals = e.proposals.filter((p) => !done.some((d) => d.kind === p.kind && d.status === 'done'));
      this.#set({ suggestion: { ...s, status: 'done', text: e.reply, sources: e.sources, ms: e.ms }, ...(proposals.length ? { proposals } : {}) });
    } else if (e.type === 'error' && e.code !== 'cancelled') this.#set({ suggestion: { ...s, status: 'error', message: e.message } });
  }

  async select(customerId: number): Promise<void> {
    const call = this.store.getState().call;
    if (!call) return;
    const r = await this.api.select({ callId: call.id, customerId }).catch(() => null);
    if (!r?.ok) return this.#errors({ turn: r ? r.error.message : UNREACHABLE });
    this.#set({ context: r.data, candidates: [] });
  }

  async confirm(kind: ActionKind, params: Record<string, string>): Promise<ActionDone | null> {
    const call = this.store.getState().call;
    if (!call) return null;
    const r = await this.api.confirm({ callId: call.id, kind, params }).catch(() => null);
    if (!r?.ok) {
      this.#errors({ action: `Not done: ${r ? r.error.message : UNREACHABLE}` });
      return null;
    }
    const s = this.store.getState();
    this.#set({ done: [...s.done, r.data], proposals: r.data.status === 'done' ? s.proposals.filter((p) => p.kind !== kind) : s.proposals });
    this.#errors({ action: r.data.status === 'failed' ? `Not done: ${r.data.result}` : null });
    return r.data;
  }

  async refreshAlerts(): Promise<void> {
    const call = this.store.getState().call;
    if (!call || this.store.getState().phase !== 'live') return;
    const r = await this.api.alerts({ callId: call.id }).catch(() => null);
    if (r?.ok) this.#set({ alerts: r.data.alerts, checklist: r.data.checklist });
  }

  async hangUp(): Promise<void> {
    const call = this.store.getState().call;
    if (!call) return;
    this.#scheduler.dispose();
    this.#set({ phase: 'ending' });
    await this.#queue;
    const r = await this.api.end({ callId: call.id }).catch(() => null);
    if (!r?.ok) {
      this.#set({ phase: 'live' });
      return this.#errors({ call: `Hang-up failed: ${r ? r.error.message : UNREACHABLE}` });
    }
    this.#set({ phase: 'after', ended: r.data });
  }

  async save(input: Omit<SaveCallInput, 'callId'>): Promise<boolean> {
    const call = this.store.getState().call;
    if (!call) return false;
    const r = await this.api.save({ ...input, callId: call.id }).catch(() => null);
    if (!r?.ok) {
      const fields = r && !r.ok && r.error.fieldErrors ? ` (${r.error.fieldErrors.map((f) => f.message).join(' ')})` : '';
      this.#errors({ save: `Not saved: ${r ? r.error.message : UNREACHABLE}${fields} Your edits are still here.` });
      return false;
    }
    this.#errors({ save: null });
    this.#set({ phase: 'saved' });
    return true;
  }

  dispose(): void {
    this.#scheduler.dispose();
  }
}
