import { CARRIERS, CITIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, PRODUCTS, TICKET_SUBJECTS } from './names';
import { createRng, type Rng } from './prng';

/**
 * The deterministic demo data set: customers, orders, order lines and tickets, column by column
 * (arrays per column insert fast as COPY text or as unnest() parameters). Seeded, so every run on
 * every machine gives the same rows. Customer 1 is the rehearsal customer: order 4411-2093 shipped
 * but never arrived.
 */

export type DemoSize = { customers: number; orders: number };
export const DEMO_SIZE: DemoSize = { customers: 50_000, orders: 200_000 };
export const DEMO_SEED = 0x5eed_2026;
/** Orders are dated back from this instant, so the data set does not depend on today's date. */
const EPOCH = Date.UTC(2026, 10, 30, 12, 0, 0);
const DAY = 86_400_000;

export const HERO = {
  fullName: 'Dana Whitfield',
  email: 'dana.whitfield@example.com',
  phone: '+14155550123',
  orderNumber: '4411-2093',
} as const;

type DemoCustomers = { id: number[]; fullName: string[]; email: string[]; phone: string[]; tier: string[]; status: string[]; city: string[]; country: string[]; createdAt: string[] };
type DemoOrders = { id: number[]; orderNumber: string[]; customerId: number[]; status: string[]; placedAt: string[]; totalCents: number[]; carrier: (string | null)[]; trackingNumber: (string | null)[]; note: (string | null)[] };
type DemoLines = { orderId: number[]; sku: string[]; productName: string[]; quantity: number[]; unitPriceCents: number[] };
type DemoTickets = { customerId: number[]; orderNumber: (string | null)[]; subject: string[]; status: string[]; priority: string[]; createdAt: string[] };
export type DemoData = { customers: DemoCustomers; orders: DemoOrders; lines: DemoLines; tickets: DemoTickets };

const TIERS = [['standard', 70], ['silver', 18], ['gold', 9], ['platinum', 3]] as const;
const CUSTOMER_STATUS = [['active', 95], ['suspended', 3], ['closed', 2]] as const;
const ORDER_STATUS = [['delivered', 70], ['shipped', 10], ['processing', 5], ['returned', 7], ['cancelled', 5], ['lost', 3]] as const;

function emailFor(rng: Rng, first: string, last: string, used: Set<string>): string {
  const f = first.toLowerCase();
  const l = last.toLowerCase();
  const domain = rng.pick(EMAIL_DOMAINS);
  const shapes = [`${f}.${l}`, `${f}${l[0]}`, `${f[0]}${l}`, `${f}_${l}`, `${l}.${f}`];
  let local = rng.pick(shapes);
  let email = `${local}@${domain}`;
  while (used.has(email)) {
    local = `${rng.pick(shapes)}${rng.int(1, 9999)}`;
    email = `${local}@${domain}`;
  }
  used.add(email);
  return email;
}

function phoneFor(rng: Rng, used: Set<string>): string {
  let phone: string;
  do phone = `+1${rng.int(201, 989)}${rng.int(200, 999)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
  while (used.has(phone));
  used.add(phone);
  return phone;
}

function orderNumberFor(rng: Rng, used: Set<string>): string {
  let n: string;
  do n = `${rng.int(1000, 9999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
  while (used.has(n));
  used.add(n);
  return n;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function generateDemoData(size: DemoSize = DEMO_SIZE, seed: number = DEMO_SEED): DemoData {
  const rng = createRng(seed);
  const customers: DemoCustomers = { id: [], fullName: [], email: [], phone: [], tier: [], status: [], city: [], country: [], createdAt: [] };
  const emails = new Set<string>([HERO.email]);
  const phones = new Set<string>([HERO.phone]);
  for (let id = 1; id <= size.customers; id++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const [city, country] = rng.pick(CITIES);
    const hero = id === 1;
    customers.id.push(id);
    customers.fullName.push(hero ? HERO.fullName : `${first} ${last}`);
    customers.email.push(hero ? HERO.email : emailFor(rng, first, last, emails));
    customers.phone.push(hero ? HERO.phone : phoneFor(rng, phones));
    customers.tier.push(hero ? 'gold' : rng.weighted(TIERS));
    customers.status.push(hero ? 'active' : rng.weighted(CUSTOMER_STATUS));
    customers.city.push(hero ? 'San Francisco' : city);
    customers.country.push(hero ? 'US' : country);
    customers.createdAt.push(iso(EPOCH - rng.int(30, 2000) * DAY));
  }

  const orders: DemoOrders = { id: [], orderNumber: [], customerId: [], status: [], placedAt: [], totalCents: [], carrier: [], trackingNumber: [], note: [] };
  const lines: DemoLines = { orderId: [], sku: [], productName: [], quantity: [], unitPriceCents: [] };
  const numbers = new Set<string>([HERO.orderNumber]);
  for (let id = 1; id <= size.orders; id++) {
    // The hero's orders come first: 4411-2093 (shipped 12 days ago, never arrived) and two older ones.
    const heroOrder = id <= 3;
    const customerId = heroOrder ? 1 : rng.int(1, size.customers);
    const daysAgo = id === 1 ? 14 : heroOrder ? 60 * id : rng.int(1, 730);
    // Statuses that fit the order's age: processing for a few days, in transit for two weeks at most.
    const drawn = id === 1 ? 'shipped' : heroOrder ? 'delivered' : rng.weighted(ORDER_STATUS);
    const status = (drawn === 'processing' && daysAgo > 3) || (drawn === 'shipped' && daysAgo > 14) ? 'delivered' : drawn;
    const placed = EPOCH - daysAgo * DAY - rng.int(0, DAY - 1);
    const shipped = status !== 'processing' && status !== 'cancelled';
    let total = 0;
    const lineCount = id === 1 ? 2 : rng.weighted([[1, 55], [2, 30], [3, 12], [4, 3]] as const);
    for (let l = 0; l < lineCount; l++) {
      const [sku, name, price] = id === 1 ? PRODUCTS[l]! : rng.pick(PRODUCTS);
      const qty = id === 1 ? 1 : rng.weighted([[1, 85], [2, 12], [3, 3]] as const);
      lines.orderId.push(id);
      lines.sku.push(sku);
      lines.productName.push(name);
      lines.quantity.push(qty);
      lines.unitPriceCents.push(price);
      total += qty * price;
    }
    orders.id.push(id);
    orders.orderNumber.push(id === 1 ? HERO.orderNumber : orderNumberFor(rng, numbers));
    orders.customerId.push(customerId);
    orders.status.push(status);
    orders.placedAt.push(iso(placed));
    orders.totalCents.push(total);
    const carrier = shipped ? (id === 1 ? 'UPS' : rng.pick(CARRIERS)) : null;
    orders.carrier.push(carrier);
    orders.trackingNumber.push(carrier ? `1Z${String(rng.int(10_000_000, 99_999_999))}${String(rng.int(1000, 9999))}` : null);
    orders.note.push(id === 1 ? 'Carrier scan stopped 9 days ago at the regional hub; not delivered.' : status === 'lost' ? 'Carrier reported the parcel lost.' : null);
  }

  const tickets: DemoTickets = { customerId: [], orderNumber: [], subject: [], status: [], priority: [], createdAt: [] };
  const ticketCount = Math.round(size.customers * 0.16);
  for (let t = 0; t < ticketCount; t++) {
    const oi = t === 0 ? 0 : rng.int(0, size.orders - 1);
    tickets.customerId.push(orders.customerId[oi]!);
    tickets.orderNumber.push(orders.orderNumber[oi]!);
    tickets.subject.push(t === 0 ? 'Package delayed' : rng.pick(TICKET_SUBJECTS));
    tickets.status.push(t === 0 ? 'open' : rng.weighted([['open', 20], ['pending', 10], ['closed', 70]] as const));
    tickets.priority.push(t === 0 ? 'normal' : rng.weighted([['low', 30], ['normal', 55], ['high', 15]] as const));
    tickets.createdAt.push(iso(EPOCH - (t === 0 ? 5 : rng.int(1, 700)) * DAY));
  }
  return { customers, orders, lines, tickets };
}
