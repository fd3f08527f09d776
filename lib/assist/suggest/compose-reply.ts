import type { SuggestState } from './suggest-request';

/** The local model's reply: built only from the rows the tools returned, ending with its source. */

type Policy = { id: string; title: string; body: string; url: string };
type Article = { id: string; title: string; snippet: string; url: string };
export type ToolResults = {
  lookup_customer?: { matches?: { fullName: string; tier: string }[]; error?: string };
  get_order_details?: { order?: { orderNumber: string; status: string; carrier: string | null; placedAt: string; note: string | null; lines?: { productName: string }[] } | null; error?: string };
  check_policy?: { policy?: Policy | null; error?: string };
  search_knowledge?: { articles?: Article[]; error?: string };
};

const firstName = (full: string) => full.split(/\s+/)[0] ?? full;
const day = (iso: string) => new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export function composeReply(state: SuggestState, r: ToolResults): string {
  const name = state.customer?.name ?? r.lookup_customer?.matches?.[0]?.fullName ?? null;
  const hi = name ? `${firstName(name)}, ` : '';
  const order = r.get_order_details?.order ?? null;
  const policy = r.check_policy?.policy ?? null;
  const article = r.search_knowledge?.articles?.[0] ?? null;
  const parts: string[] = [];
  const asked = state.entities.orderNumbers[0];
  if (asked && r.get_order_details && !order) {
    parts.push(`I'm sorry, I can't find an order ${asked}. Could you read me the order number again? It looks like 4411-2093 on the confirmation email.`);
    return parts.join(' ');
  }
  if (order) {
    const items = order.lines?.map((l) => l.productName).join(' and ');
    const shipped = order.carrier ? ` It shipped with ${order.carrier}${order.placedAt ? ` after you ordered on ${day(order.placedAt)}` : ''}` : '';
    const note = order.note ? `, and ${order.note.charAt(0).toLowerCase()}${order.note.slice(1).replace(/\.$/, '')}` : '';
    parts.push(`${hi}I'm sorry about order ${order.orderNumber}${items ? ` (${items})` : ''}.${shipped}${note}.`);
  } else if (name) {
    parts.push(`Thanks, ${firstName(name)}. I have your account here.`);
  }
  if (policy) {
    if (policy.id === 'shipping-lost-parcel') parts.push('Since it never arrived, I can send you a free replacement by express shipping today, or a full refund to your original payment method. Which would you prefer?');
    else parts.push(policy.body.split(/(?<=\.)\s+/).slice(0, 2).join(' '));
    parts.push(`(Source: ${policy.title})`);
  } else if (article) {
    // A snippet cut inside a sentence is marked as cut, so the reply never starts mid-sentence unannounced.
    const snippet = article.snippet.replace(/<\/?b>/g, '').trim();
    parts.push(/^[a-z]/.test(snippet) ? `From our help article: …${snippet}` : snippet);
    parts.push(`(Source: ${article.title})`);
  } else if (!order && !name) {
    parts.push('Could you give me your order number or the email on the account so I can look it up?');
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
