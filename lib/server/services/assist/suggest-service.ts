import 'server-only';
import { randomUUID } from 'node:crypto';
import { Agent, Runner } from '@openai/agents';
import { proposeActions } from '@/lib/assist/call/proposals';
import { detectEntities } from '@/lib/assist/entities/detect';
import type { SuggestEvent, SuggestSource } from '@/lib/assist/suggest/suggest-events';
import { ASSIST_INSTRUCTIONS, buildSuggestInput, buildSuggestState, SUGGEST_TURNS } from '@/lib/assist/suggest/suggest-request';
import type { Database } from '@/lib/server/db/client';
import { customerContext } from '@/lib/server/db/assist-lookup-queries';
import { getCall, recentTurns } from '@/lib/server/db/assist-call-queries';
import type { AssistModelChoice } from '@/lib/server/model-access/text-model-provider';
import { assistTools } from './assist-tools';

/**
 * One suggestion run for a call: the last N turns and the customer context go to the assist
 * agent (tools: lookup_customer, get_order_details, check_policy, search_knowledge), and what it
 * does streams out as events: tool calls, reply text, the policy or article cited, proposals.
 * At most one run per call is in flight: a newer request cancels the older one.
 */

const RUN_TIMEOUT_MS = 20_000;
const inFlight = new Map<string, AbortController>();

function summarize(name: string, output: unknown): { summary: string; sources: SuggestSource[] } {
  const o = (typeof output === 'string' ? safeJson(output) : output) as Record<string, unknown> | null;
  if (name === 'check_policy') {
    const p = o?.policy as { id: string; title: string; url: string } | null | undefined;
    return p ? { summary: p.title, sources: [{ kind: 'policy', id: p.id, title: p.title, url: p.url }] } : { summary: 'no policy found', sources: [] };
  }
  if (name === 'search_knowledge') {
    const a = (o?.articles as { id: string; title: string; url: string }[] | undefined) ?? [];
    return { summary: a.length ? a.map((x) => x.title).join('; ') : 'no article found', sources: a.slice(0, 1).map((x) => ({ kind: 'article', id: x.id, title: x.title, url: x.url })) };
  }
  if (name === 'get_order_details') {
    const order = o?.order as { orderNumber: string; status: string } | null | undefined;
    return { summary: order ? `${order.orderNumber}: ${order.status}` : String(o?.error ?? 'not found'), sources: [] };
  }
  const m = (o?.matches as { fullName: string }[] | undefined) ?? [];
  return { summary: m.length ? `${m.length} match(es): ${m.slice(0, 3).map((x) => x.fullName).join(', ')}` : 'no match', sources: [] };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return { error: s };
  }
}

export async function* streamSuggestion(
  db: Database,
  choice: AssistModelChoice,
  { callId, question = null, signal }: { callId: string; question?: string | null; signal?: AbortSignal },
): AsyncGenerator<SuggestEvent> {
  const started = performance.now();
  inFlight.get(callId)?.abort();
  const controller = new AbortController();
  inFlight.set(callId, controller);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new Error('timeout')), RUN_TIMEOUT_MS);
  try {
    const call = await getCall(db, callId);
    if (!call) {
      yield { type: 'error', code: 'not_found', message: 'This call is not on record.' };
      return;
    }
    const turns = await recentTurns(db, callId, SUGGEST_TURNS);
    const lastCustomer = [...turns].reverse().find((t) => t.speaker === 'customer');
    const ctx = call.customerId ? await customerContext(db, call.customerId, call.orderNumber) : null;
    const state = buildSuggestState(turns, detectEntities(lastCustomer?.text ?? ''), ctx, question);
    const input = buildSuggestInput(turns, state);
    const runId = randomUUID();
    yield { type: 'started', runId, backend: choice.backend, requestChars: input.length, turnsUsed: turns.length };
    const agent = new Agent({ name: 'Agent assist', instructions: ASSIST_INSTRUCTIONS, tools: assistTools(db), model: choice.model });
    const runner = new Runner({ modelProvider: choice.provider, tracingDisabled: true });
    const result = await runner.run(agent, input, { stream: true, signal: controller.signal, maxTurns: 4 });
    const sources: SuggestSource[] = [];
    for await (const ev of result) {
      if (ev.type === 'raw_model_stream_event' && ev.data.type === 'output_text_delta') yield { type: 'delta', text: ev.data.delta };
      if (ev.type === 'run_item_stream_event' && ev.name === 'tool_called') {
        const raw = ev.item.rawItem as { name?: string; arguments?: string };
        yield { type: 'tool_call', name: raw.name ?? 'tool', args: raw.arguments ?? '' };
      }
      if (ev.type === 'run_item_stream_event' && ev.name === 'tool_output') {
        const item = ev.item as unknown as { rawItem: { name?: string }; output: unknown };
        const name = item.rawItem.name ?? 'tool';
        const s = summarize(name, item.output);
        for (const src of s.sources) if (!sources.some((x) => x.id === src.id)) sources.push(src);
        yield { type: 'tool_result', name, summary: s.summary };
      }
    }
    await result.completed;
    const reply = String(result.finalOutput ?? '').trim();
    const cited = sources.filter((s) => reply.includes(s.title));
    yield {
      type: 'done', runId, reply, sources: cited.length ? cited : sources,
      proposals: proposeActions(lastCustomer?.text ?? '', ctx), ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    const reason = controller.signal.reason;
    if (controller.signal.aborted && reason instanceof Error && reason.message === 'timeout') yield { type: 'error', code: 'timeout', message: `The assistant took longer than ${RUN_TIMEOUT_MS / 1000} s; the call goes on without this suggestion.` };
    else if (controller.signal.aborted) yield { type: 'error', code: 'cancelled', message: 'A newer utterance replaced this suggestion.' };
    else {
      console.error('[assist] suggestion failed', error);
      yield { type: 'error', code: 'agent_failed', message: `The assistant could not finish this suggestion (${error instanceof Error ? error.message : String(error)}). The call goes on.` };
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    if (inFlight.get(callId) === controller) inFlight.delete(callId);
  }
}
