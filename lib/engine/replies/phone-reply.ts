import { CALL_CONTROL_TOOLS, PHONE_BUILTIN_TOOLS } from '@/lib/contracts/phone-agent';
import { currentTurn, firstWords, lastUserText } from './text-utils';
import type { Reply, ReplyContext, ReplyPolicy, ReplyTool } from './types';

/**
 * The local engine's phone agent: greets with the line the app asks for (`Say exactly: "…"`, or
 * Try it's `exactly these words and nothing else: "…"`, in the response's instructions), puts the
 * caller through on "a person / human / transfer" or a 0 pressed on the keypad, ends on "goodbye",
 * and runs the built-in lookups the agent has when the words ask for them: an order number (typed
 * 4411-2093 or spoken "four four one one two zero nine three") -> get_order_details, an email or
 * "my name is …" -> lookup_customer, returns/refunds/warranty/shipping words -> check_policy, a
 * question -> search_knowledge. Otherwise it calls a webhook tool whose name the caller's words
 * mention (e.g. "order" -> check_order_status), filling its arguments from what was said. A tool's
 * output becomes the answer, read out field by field for the built-ins; an `error` in it becomes an
 * apology. Deterministic, never pretends to understand anything else.
 */
const HUMAN_WORDS = /\b(human|person|someone|representative|operator|agent|transfer|put me through)\b/i;
const BYE_WORDS = /\b(good ?bye|bye|hang up|that'?s all|nothing else)\b/i;
const SAY_EXACTLY = /(?:say exactly|exactly these words and nothing else):\s*"([^"]+)"/i;
const PHONE_TOOLS: ReadonlySet<string> = new Set(PHONE_BUILTIN_TOOLS);
const CALL_CONTROL: ReadonlySet<string> = new Set(CALL_CONTROL_TOOLS);
/** How the app words a keypad press (lib/server/phone/call-session.ts dtmfText). */
const KEYPAD = /^the caller pressed (\S) on the keypad\.?$/i;
const ORDER_WORDS = /\b(order|parcel|package|delivery|shipment|tracking)\b/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const NAME_IS = /\b(?:[Mm]y name is|[Tt]his is|I am|I'm)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)+)/;
const POLICY_KIND_WORDS: [string, RegExp][] = [
  ['returns', /\b(return|returns|send (?:it|this) back)\b/i],
  ['refunds', /\b(refund|refunds|money back)\b/i],
  ['warranty', /\b(warranty|guarantee|broken|faulty|defective)\b/i],
  ['shipping', /\b(shipping|never arrived|lost|late|delayed|delivery time)\b/i],
];
const QUESTION = /\?\s*$|^(how|what|why|when|where|which|who|can|could|do|does|is|are|will|should)\b/i;
const DIGIT_WORDS: Record<string, string> = { zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
const STOP_WORDS = new Set(['get', 'check', 'find', 'lookup', 'look', 'the', 'for', 'and', 'status', 'info', 'details', 'by']);

/** Agents with call control (end_call / transfer_to_human): studio agents of any id. */
export function isPhoneAgent(ctx: ReplyContext): boolean {
  return ctx.tools.some((t) => CALL_CONTROL.has(t.name));
}

function has(ctx: ReplyContext, name: string): boolean {
  return ctx.tools.some((t) => t.name === name);
}

/** A webhook tool the caller's words name: a distinctive word of its name (order, booking...) in the text. */
function mentionedTool(ctx: ReplyContext, text: string): ReplyTool | null {
  const lower = text.toLowerCase();
  for (const tool of ctx.tools) {
    if (PHONE_TOOLS.has(tool.name)) continue;
    const keys = tool.name.split('_').filter((w) => w.length > 2 && !STOP_WORDS.has(w));
    if (keys.some((k) => new RegExp(`\\b${k}s?\\b`).test(lower))) return tool;
  }
  return null;
}

/** Arguments from the caller's words: numbers for numeric or id-like fields, the words for other strings. */
function argumentsFor(tool: ReplyTool, text: string): Record<string, unknown> {
  const props = (tool.parameters?.properties ?? {}) as Record<string, { type?: unknown }>;
  const number = /\d+/.exec(text)?.[0] ?? null;
  const args: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(props)) {
    if (schema.type === 'number' || schema.type === 'integer') args[name] = number === null ? 0 : Number(number);
    else if (schema.type === 'boolean') args[name] = true;
    else if (/id|number|code|ref/i.test(name) && number !== null) args[name] = number;
    else args[name] = firstWords(text, 30);
  }
  return args;
}

/** "four four one one, two zero nine three" -> "4411 2093": digit words to digits, runs joined. */
function spokenDigits(text: string): string {
  const tokens = text.split(/\s+/);
  const out: string[] = [];
  let run = false;
  for (const token of tokens) {
    const word = token.toLowerCase().replace(/[,.;:!?]+$/, '');
    const digit = DIGIT_WORDS[word] ?? (/^\d$/.test(word) ? word : undefined);
    if (digit !== undefined && (word !== 'oh' || run)) {
      if (run && out.length > 0) out[out.length - 1] += digit;
      else out.push(digit);
      run = true;
    } else {
      out.push(token);
      run = false;
    }
  }
  return out.join(' ');
}

/** An order number (NNNN-NNNN) typed or spoken: "4411-2093", "4411 2093", "44112093", "four four one one ...". */
export function orderNumberIn(text: string): string | null {
  const m = /\b(\d{4})[\s-]?(\d{4})\b/.exec(text) ?? /\b(\d{4})[\s-]?(\d{4})\b/.exec(spokenDigits(text));
  return m ? `${m[1]}-${m[2]}` : null;
}

/** The built-in lookup the caller's words ask for, if the agent has it. */
function lookupFor(ctx: ReplyContext, heard: string): Reply | null {
  const call = (name: string, args: Record<string, unknown>): Reply | null => (has(ctx, name) ? { text: '', toolCalls: [{ name, arguments: args }] } : null);
  const order = orderNumberIn(heard);
  if (order) {
    const found = call('get_order_details', { order_number: order }) ?? call('lookup_customer', { query: order });
    if (found) return found;
  }
  const email = EMAIL.exec(heard)?.[0];
  if (email) return call('lookup_customer', { query: email });
  const name = NAME_IS.exec(heard)?.[1];
  if (name) {
    const found = call('lookup_customer', { query: name });
    if (found) return found;
  }
  const kind = POLICY_KIND_WORDS.find(([, words]) => words.test(heard))?.[0];
  if (kind) {
    const found = call('check_policy', { kind, topic: firstWords(heard, 30) });
    if (found) return found;
  }
  if (ORDER_WORDS.test(heard) && has(ctx, 'get_order_details') && !mentionedTool(ctx, heard)) {
    return { text: 'I can check that for you. What is your order number? It looks like four digits, a dash, and four more digits.' };
  }
  if (QUESTION.test(heard) && heard.split(/\s+/).length >= 3) return call('search_knowledge', { query: firstWords(heard, 40) });
  return null;
}

function parsed(output: string): Record<string, unknown> | null {
  try {
    const data = JSON.parse(output) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const plain = (v: string) => v.replace(/<\/?b>|[«»]/g, '').replace(/\s+/g, ' ').trim();

/** A built-in lookup's result read out: the facts a caller needs, in one or two sentences. */
function spokenLookup(name: string, output: string): string | null {
  const data = parsed(output);
  if (!data) return null;
  if (name === 'get_order_details') {
    const order = data.order as Record<string, unknown> | null | undefined;
    if (!order) return 'I could not find that order number. Could you read it to me again?';
    const parts = [`Order ${text(order.orderNumber) ?? ''} is ${text(order.status) ?? 'in our system'}`];
    if (text(order.carrier)) parts.push(`it went with ${text(order.carrier)}${text(order.trackingNumber) ? `, tracking number ${text(order.trackingNumber)}` : ''}`);
    const note = text(order.note);
    return `${parts.join('; ')}.${note ? ` ${note}` : ''} Is there anything else?`;
  }
  if (name === 'lookup_customer') {
    const first = (data.matches as { fullName?: unknown }[] | undefined)?.[0];
    return first && text(first.fullName) ? `I found the account of ${text(first.fullName)}. Is that you?` : 'I could not find an account with that. Could you spell it for me?';
  }
  if (name === 'check_policy') {
    const policy = data.policy as { title?: unknown; body?: unknown } | null | undefined;
    if (!policy || !text(policy.body)) return 'I could not find a policy on that. Would you like me to put you through to a person?';
    return `${text(policy.title) ?? 'Our policy'}: ${firstWords(plain(String(policy.body)), 30)} Is there anything else?`;
  }
  if (name === 'search_knowledge') {
    const article = (data.articles as { title?: unknown; snippet?: unknown }[] | undefined)?.[0];
    if (!article || !text(article.title)) return 'I could not find a help article on that. Would you like me to put you through to a person?';
    return `Our help article "${text(article.title)}" says: ${firstWords(plain(String(article.snippet ?? '')), 25)} Is there anything else?`;
  }
  return null;
}

function summarize(output: string): string {
  try {
    const data = JSON.parse(output) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      const entries = Object.entries(data as Record<string, unknown>).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v));
      if (entries.length > 0) return entries.slice(0, 4).map(([k, v]) => `${k.replace(/_/g, ' ')} ${String(v)}`).join(', ');
    }
  } catch {
    // a plain string output
  }
  return firstWords(output, 20);
}

function toolError(output: string): string | null {
  try {
    const data = JSON.parse(output) as { error?: unknown };
    return typeof data.error === 'string' ? data.error : null;
  } catch {
    return null;
  }
}

function answerFromTool(name: string | null, output: string): Reply {
  const error = toolError(output);
  if (name === 'transfer_to_human') {
    return error ? { text: 'I am sorry, I could not put you through just now. Can I help you with anything else?' } : { text: 'I am putting you through to a person now. Please hold.' };
  }
  if (name === 'end_call') return { text: 'Thank you for calling. Goodbye!' };
  if (name && !error && PHONE_TOOLS.has(name)) {
    const spoken = spokenLookup(name, output);
    if (spoken) return { text: spoken };
  }
  if (name === 'get_order_details' && error && parsed(output)?.order === null) return { text: 'I could not find that order number. Could you read it to me again?' };
  if (error) return { text: `I am sorry, I could not get that for you just now. Would you like me to put you through to a person?` };
  return { text: `Here is what I found: ${summarize(output)}. Is there anything else?` };
}

export const phoneReply: ReplyPolicy = (ctx) => {
  const turn = currentTurn(ctx.conversationItems);
  const output = turn.filter((i) => i.type === 'function_call_output').at(-1);
  if (output && output.type === 'function_call_output') return answerFromTool(output.name, output.output);
  const say = ctx.request.responseInstructions ? SAY_EXACTLY.exec(ctx.request.responseInstructions) : null;
  if (say?.[1]) return { text: say[1] };
  const heard = lastUserText(ctx.conversationItems);
  if (!heard) return { text: 'Hello, thanks for calling. How can I help you today?' };
  const key = KEYPAD.exec(heard)?.[1];
  if (key !== undefined) {
    if (key === '0' && has(ctx, 'transfer_to_human')) return { text: '', toolCalls: [{ name: 'transfer_to_human', arguments: { reason: 'the caller pressed 0 for a person' } }] };
    if (key === '0') return { text: 'I am sorry, I cannot put you through to a person on this line. Tell me what you need and I will try to help.' };
    return { text: has(ctx, 'transfer_to_human') ? `You pressed ${key}. You can press 0 for a person, or just tell me what you need.` : `You pressed ${key}. Just tell me what you need.` };
  }
  if (HUMAN_WORDS.test(heard) && has(ctx, 'transfer_to_human')) return { text: '', toolCalls: [{ name: 'transfer_to_human', arguments: { reason: firstWords(heard, 20) } }] };
  if (BYE_WORDS.test(heard) && has(ctx, 'end_call')) return { text: '', toolCalls: [{ name: 'end_call', arguments: { reason: 'the caller said goodbye' } }] };
  const order = orderNumberIn(heard);
  const tool = order && has(ctx, 'get_order_details') ? null : mentionedTool(ctx, heard);
  if (!tool) {
    const lookup = lookupFor(ctx, heard);
    if (lookup) return lookup;
  }
  if (tool) return { text: '', toolCalls: [{ name: tool.name, arguments: argumentsFor(tool, heard) }] };
  return { text: `You said: ${firstWords(heard, 12)}. I can look that up or put you through to a person.` };
};
