import { firstWords, lastUserText, currentTurn } from './text-utils';
import type { Reply, ReplyItem, ReplyPolicy } from './types';

/**
 * The local engine's website concierge: a visitor's question becomes a `search_knowledge` call;
 * the tool's output (the site's passages, from the app's database) becomes the answer, naming
 * its page. Wanting a call or leaving details becomes `capture_lead` / `list_slots`. Deterministic.
 */
const LEAD_WORDS = /\b(contact|call me|get in touch|my details|leave (my )?details|email me|reach me|talk to (a|someone))\b/i;
const BOOK_WORDS = /\b(book|schedule|appointment|discovery call|meeting|slot)\b/i;

type Hit = { title?: unknown; url?: unknown; snippet?: unknown };

function clean(text: string): string {
  return text.replace(/[«»]/g, '').replace(/\s+/g, ' ').trim();
}

function answerFromSearch(output: string): Reply {
  let hits: Hit[] = [];
  try {
    const parsed = JSON.parse(output) as { hits?: Hit[] };
    hits = Array.isArray(parsed.hits) ? parsed.hits : [];
  } catch {
    return { text: 'I could not search the site just now. Would you like to leave your details so the team can answer?' };
  }
  const top = hits[0];
  if (!top || typeof top.title !== 'string' || typeof top.snippet !== 'string') {
    return { text: 'I could not find that on this website. Would you like to leave your details so the team can answer you directly?' };
  }
  const passage = firstWords(clean(top.snippet), 40).replace(/…$/, '');
  return { text: `From the page "${top.title}": ${/[.!?]$/.test(passage) ? passage : `${passage}.`} Would you like to know more, or talk to the team?` };
}

function answerFromTool(name: string | null, output: string): Reply {
  if (name === 'search_knowledge') return answerFromSearch(output);
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(output) as Record<string, unknown>;
  } catch {
    // a plain string output
  }
  if (name === 'capture_lead') {
    return data.saved === true
      ? { text: `Thank you${typeof data.name === 'string' ? `, ${data.name}` : ''}. The team will be in touch soon. Is there anything else I can help with?` }
      : { text: 'No problem, nothing was saved. What else would you like to know?' };
  }
  if (name === 'list_slots') {
    const slots = Array.isArray(data.slots) ? (data.slots as { label?: unknown }[]) : [];
    if (slots.length === 0) return { text: 'There are no free slots at the moment. Shall I take your details instead?' };
    return { text: `The next free slots are ${slots.slice(0, 3).map((s) => String(s.label)).join(', ')}. Pick one in the list below.` };
  }
  if (name === 'book_discovery_call') {
    return data.booked === true ? { text: `Booked: ${String(data.label ?? 'your call')}. You can add it to your calendar below.` } : { text: 'That slot could not be booked. Shall I list the free ones again?' };
  }
  return { text: `Done: ${name ?? 'the tool'} returned ${firstWords(output, 20)}` };
}

export const conciergeReply: ReplyPolicy = (ctx) => {
  const turn: ReplyItem[] = currentTurn(ctx.conversationItems);
  const output = turn.filter((i) => i.type === 'function_call_output').at(-1);
  if (output && output.type === 'function_call_output') return answerFromTool(output.name, output.output);
  const question = lastUserText(ctx.conversationItems);
  if (!question) return { text: 'Hello! I can answer questions about this website, take your details or book a call. What would you like to know?' };
  const canListSlots = ctx.tools.some((t) => t.name === 'list_slots');
  if (BOOK_WORDS.test(question) && canListSlots) return { text: '', toolCalls: [{ name: 'list_slots', arguments: {} }] };
  if (LEAD_WORDS.test(question) || BOOK_WORDS.test(question)) return { text: '', toolCalls: [{ name: 'capture_lead', arguments: { challenge: firstWords(question, 30) } }] };
  return { text: '', toolCalls: [{ name: 'search_knowledge', arguments: { query: question } }] };
};
