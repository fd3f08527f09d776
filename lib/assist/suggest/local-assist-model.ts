import { Usage, type Model, type ModelProvider, type ModelRequest, type ModelResponse, type protocol } from '@openai/agents-core';
import type { AgentInputItem, StreamEvent } from '@openai/agents-core';

type OutputItem = protocol.AssistantMessageItem | protocol.FunctionCallItem;
import { parseSuggestState, type SuggestState } from './suggest-request';
import { composeReply, type ToolResults } from './compose-reply';
import { draftSummary } from '../summary/rubric';
import { outputOfDraft, parseSummaryInput } from '../summary/summary-request';

/**
 * The offline twin of a text model for agent assist: it implements the SDK's Model interface and,
 * given the same request a real model gets, first calls the tools the detected entities and the
 * customer's words call for (complete arguments only), then writes a reply from the rows those
 * tools returned, citing the policy or article. Asked for the after-call record (a JSON schema
 * output and a call record in the input), it answers with the offline rubric's draft as that
 * JSON. Deterministic: same request, same output.
 */

export const LOCAL_ASSIST_MODEL = 'cue-local-assist';

type Intent = { kind: 'shipping' | 'returns' | 'refunds' | 'warranty' | 'sla'; topic: string } | null;

function intentOf(text: string): Intent {
  const t = text.toLowerCase();
  if (/never (arrived|came|showed)|not (arrived|delivered)|hasn'?t (arrived|come)|didn'?t (arrive|get)|lost|missing|where is my|tracking|late|delay/.test(t)) {
    return { kind: 'shipping', topic: /late|delay/.test(t) && !/never|lost|missing/.test(t) ? 'delay' : 'lost parcel never arrived' };
  }
  if (/\brefund|money back/.test(t)) return { kind: 'refunds', topic: 'refund timing' };
  if (/\breturn|send (it|this) back/.test(t)) return { kind: 'returns', topic: 'return' };
  if (/broken|defect|stopped working|warranty|faulty|doesn'?t work/.test(t)) return { kind: 'warranty', topic: 'defect' };
  if (/how long|response time|when will (someone|you)/.test(t)) return { kind: 'sla', topic: 'response' };
  return null;
}

function textOfInput(input: string | AgentInputItem[]): string {
  if (typeof input === 'string') return input;
  for (const item of input) {
    if ('role' in item && item.role === 'user') {
      const c = item.content;
      if (typeof c === 'string') return c;
      return c.map((part) => (typeof part === 'object' && 'text' in part && typeof part.text === 'string' ? part.text : '')).join('');
    }
  }
  return '';
}

function resultsOf(input: string | AgentInputItem[]): ToolResults {
  const out: ToolResults = {};
  if (typeof input === 'string') return out;
  for (const item of input) {
    if (item.type !== 'function_call_result') continue;
    const o = item.output;
    const raw = typeof o === 'string' ? o : !Array.isArray(o) && o.type === 'text' ? o.text : '';
    try {
      (out as Record<string, unknown>)[item.name] = JSON.parse(raw);
    } catch {
      (out as Record<string, unknown>)[item.name] = { error: raw };
    }
  }
  return out;
}

/** The tool calls for a state: only tools the request offers, only with complete arguments. */
function plannedCalls(state: SuggestState, offered: ReadonlySet<string>): { name: string; args: Record<string, string> }[] {
  const calls: { name: string; args: Record<string, string> }[] = [];
  const e = state.entities;
  const order = e.orderNumbers[0] ?? state.focusOrder?.orderNumber;
  const who = e.emails[0] ?? e.phones[0] ?? e.names[0];
  if (who && !state.customer) calls.push({ name: 'lookup_customer', args: { query: who } });
  if (order) calls.push({ name: 'get_order_details', args: { order_number: order } });
  const question = state.agentQuestion ?? state.lastCustomerUtterance;
  const intent = intentOf(question);
  if (intent) calls.push({ name: 'check_policy', args: { kind: intent.kind, topic: intent.topic } });
  else if (question.trim().split(/\s+/).length >= 3) calls.push({ name: 'search_knowledge', args: { query: question } });
  return calls.filter((c) => offered.has(c.name));
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}_${(++counter).toString(36)}`;

class LocalAssistModel implements Model {
  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    const output = this.#respond(request);
    return { usage: new Usage({ requests: 1, inputTokens: 0, outputTokens: 0, totalTokens: 0 }), output, responseId: nextId('resp_local') };
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    yield { type: 'response_started' };
    const output = this.#respond(request);
    for (const item of output) {
      if (item.type !== 'message') continue;
      for (const part of (item as protocol.AssistantMessageItem).content) {
        if (part.type !== 'output_text') continue;
        // Stream a few words at a time, as a model would.
        const pieces = part.text.match(/\S+\s*/g) ?? [];
        for (let i = 0; i < pieces.length; i += 4) {
          if (request.signal?.aborted) throw new DOMException('The suggestion was cancelled.', 'AbortError');
          yield { type: 'output_text_delta', delta: pieces.slice(i, i + 4).join('') };
        }
      }
    }
    yield { type: 'response_done', response: { id: nextId('resp_local'), usage: { requests: 1, inputTokens: 0, outputTokens: 0, totalTokens: 0 }, output } };
  }

  #respond(request: ModelRequest): OutputItem[] {
    const text = textOfInput(request.input);
    const record = request.outputType !== 'text' ? parseSummaryInput(text) : null;
    if (record) {
      const json = JSON.stringify(outputOfDraft(draftSummary(record)));
      return [{ type: 'message', id: nextId('msg'), role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: json }] }];
    }
    const state = parseSuggestState(text);
    const offered = new Set(request.tools.map((t) => t.name));
    const results = resultsOf(request.input);
    const called = Object.keys(results).length > 0;
    if (state && !called) {
      const calls = plannedCalls(state, offered);
      if (calls.length) {
        return calls.map((c) => ({ type: 'function_call', callId: nextId('call'), name: c.name, arguments: JSON.stringify(c.args), status: 'completed' }));
      }
    }
    const reply = state ? composeReply(state, results) : 'I need the call transcript to suggest a reply.';
    return [{ type: 'message', id: nextId('msg'), role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: reply }] }];
  }
}

export class LocalAssistModelProvider implements ModelProvider {
  readonly #model = new LocalAssistModel();
  getModel(): Model {
    return this.#model;
  }
}
