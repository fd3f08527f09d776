/** The demo policies (returns, refunds, warranty, shipping, SLA) and knowledge articles the assistant cites. */

export type PolicyKind = 'returns' | 'refunds' | 'warranty' | 'shipping' | 'sla';
export const POLICY_KINDS: readonly PolicyKind[] = ['returns', 'refunds', 'warranty', 'shipping', 'sla'];
export type Policy = { id: string; kind: PolicyKind; title: string; body: string; url: string };
export type Article = { id: string; title: string; body: string; url: string };
export type KnowledgeKind = 'policies' | 'articles';
/** A policy or article as its page shows it (read from its row). */
export type KnowledgeDoc = { kind: KnowledgeKind; id: string; title: string; body: string; policyKind: PolicyKind | null };

const KB = '/assist/kb';

export const POLICIES: readonly Policy[] = [
  {
    id: 'shipping-lost-parcel',
    kind: 'shipping',
    title: 'Shipping policy: parcels that never arrive',
    body:
      'If tracking shows no movement for 7 or more days, or the carrier reports the parcel lost, the order counts as lost in transit. ' +
      'Offer the customer a free replacement shipped express at no charge, or a full refund to the original payment method. ' +
      'No carrier claim from the customer is needed. Replacements ship within 1 business day.',
    url: `${KB}/policies/shipping-lost-parcel`,
  },
  {
    id: 'shipping-delays',
    kind: 'shipping',
    title: 'Shipping policy: delays under 7 days',
    body: 'Standard delivery is 3-5 business days. For delays under 7 days without a carrier exception, share the tracking link and set a follow-up; do not reship yet.',
    url: `${KB}/policies/shipping-delays`,
  },
  {
    id: 'returns-30-day',
    kind: 'returns',
    title: 'Returns policy: 30 days',
    body: 'Unused items can be returned within 30 days of delivery. Send the prepaid return link; the refund is issued when the parcel is scanned by the carrier.',
    url: `${KB}/policies/returns-30-day`,
  },
  {
    id: 'refunds-timing',
    kind: 'refunds',
    title: 'Refunds policy: timing and method',
    body: 'Refunds go to the original payment method within 5-7 business days. Gold and platinum customers may receive store credit instantly instead, if they prefer.',
    url: `${KB}/policies/refunds-timing`,
  },
  {
    id: 'warranty-one-year',
    kind: 'warranty',
    title: 'Warranty policy: one year',
    body: 'Electronics carry a one-year warranty from delivery covering defects, not accidental damage. Replace or repair after a short troubleshooting check.',
    url: `${KB}/policies/warranty-one-year`,
  },
  {
    id: 'sla-response',
    kind: 'sla',
    title: 'Service levels',
    body: 'Tickets get a first response within 24 hours (4 hours for platinum). Callbacks are scheduled within one business day. Escalations reach a supervisor within 2 hours.',
    url: `${KB}/policies/sla-response`,
  },
];

export const ARTICLES: readonly Article[] = [
  { id: 'track-a-parcel', title: 'How to read tracking events', body: 'Explains carrier scans: label created, in transit, out for delivery, exception. No scan for several days usually means the parcel is stuck at a hub or lost.', url: `${KB}/articles/track-a-parcel` },
  { id: 'change-address', title: 'Changing a delivery address', body: 'The address can be changed until the order ships. After shipping, ask the carrier to redirect the parcel.', url: `${KB}/articles/change-address` },
  { id: 'damaged-item', title: 'Item arrived damaged', body: 'Ask for a photo, apologise, and offer a replacement or refund. Damaged items do not need to be returned.', url: `${KB}/articles/damaged-item` },
  { id: 'reset-headphones', title: 'Resetting wireless headphones', body: 'Hold the power button for 10 seconds until the light flashes, then pair again. Fixes most connection problems.', url: `${KB}/articles/reset-headphones` },
  { id: 'cancel-order', title: 'Cancelling an order', body: 'Orders that are still processing can be cancelled in full and refunded at once. Shipped orders must be returned instead.', url: `${KB}/articles/cancel-order` },
  { id: 'billing-double-charge', title: 'A charge appears twice', body: 'A pending authorisation often shows beside the final charge and drops off within 3 days. If both settle, refund the duplicate.', url: `${KB}/articles/billing-double-charge` },
];
