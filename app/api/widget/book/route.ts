import { fieldErrorsFromZod } from '@/lib/contracts/action-result';
import { bookingInputSchema } from '@/lib/contracts/website';
import { bookSlot } from '@/lib/server/website/bookings';
import { recordEventQuietly } from '@/lib/server/website/events';
import { json, readJson, widgetSite } from '@/lib/server/website/widget-http';

/** POST /api/widget/book { siteId, slotId, name, email }: book a slot the visitor picked and confirmed. */
export async function POST(request: Request): Promise<Response> {
  const body = (await readJson(request)) as { siteId?: unknown } | undefined;
  const checked = await widgetSite(request, body?.siteId);
  if (!checked.ok) return checked.response;
  const parsed = bookingInputSchema.safeParse(body);
  if (!parsed.success) return json({ ok: false, error: { code: 'invalid_booking', message: 'Some details need fixing before we can book.', fieldErrors: fieldErrorsFromZod(parsed.error) } }, 400);
  const result = await bookSlot(parsed.data);
  if (!result.ok) return json({ ok: false, error: { code: result.code, message: result.message } }, 409);
  const visit = (body as { visit?: unknown }).visit;
  recordEventQuietly(parsed.data.siteId, typeof visit === 'string' && /^[a-z0-9-]{8,40}$/.test(visit) ? visit : undefined, 'booking_made');
  return json({ ok: true, data: result.booking });
}
