import { PHONE_BUILTIN_TOOLS } from '@/lib/contracts/phone-agent';
import { currentTurn, firstWords, lastUserText } from './text-utils';
import type { Reply, ReplyContext, ReplyPolicy, ReplyTool } from './types';

/**
 * The local engine's phone agent: greets with the line the app asks for (`Say exactly: "…"` in
 * the response's instructions), puts the caller through on "a person / human / transfer",
 * ends on "goodbye", and calls a webhook tool whose name the caller's words mention (e.g.
 * "order" -> check_order_status), filling its arguments from what was said. A tool's output
 * becomes the answer; an `error` in it becomes an apology. Deterministic, never pretends to
 * understand anything else.
 */
const HUMAN_WORDS = /\b(human|person|someone|representative|operator|agent|transfer|put me through)\b/i;
const BYE_WORDS = /\b(good ?bye|bye|hang up|that'?s all|nothing else)\b/i;
const SAY_EXACTLY = /say exactly:\s*"([^"]+)"/i;
const PHONE_TOOLS: ReadonlySet<string> = new Set(PHONE_BUILTIN_TOOLS);
const STOP_WORDS = new Set(['get', 'check', 'find', 'lookup', 'look', 'the', 'for', 'and', 'status', 'info', 'details', 'by']);

export function isPhoneAgent(ctx: ReplyContext): boolean {
  return ctx.tools.some((t) => PHONE_TOOLS.has(t.name));
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
  if (HUMAN_WORDS.test(heard) && has(ctx, 'transfer_to_human')) return { text: '', toolCalls: [{ name: 'transfer_to_human', arguments: { reason: firstWords(heard, 20) } }] };
  if (BYE_WORDS.test(heard) && has(ctx, 'end_call')) return { text: '', toolCalls: [{ name: 'end_call', arguments: { reason: 'the caller said goodbye' } }] };
  const tool = mentionedTool(ctx, heard);
  if (tool) return { text: '', toolCalls: [{ name: tool.name, arguments: argumentsFor(tool, heard) }] };
  return { text: `You said: ${firstWords(heard, 12)}. I can look that up or put you through to a person.` };
};
