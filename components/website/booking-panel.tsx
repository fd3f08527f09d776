'use client';

import type { FormEvent } from 'react';
import type { FieldError } from '@/lib/contracts/action-result';
import type { WidgetBooking, WidgetSlot } from '@/lib/contracts/website';
import { bookingIcs } from '@/lib/website/bookings/ics';

type Props = {
  siteName: string;
  color: string;
  slots: readonly WidgetSlot[] | null;
  form: { slot: WidgetSlot; fieldErrors: readonly FieldError[]; sending: boolean; error: string | null } | null;
  booking: WidgetBooking | null;
  onPick: (slot: WidgetSlot) => void;
  onSubmit: (fields: { name: string; email: string }) => void;
  onCancel: () => void;
};

const input = 'mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/** Free discovery-call slots as buttons, the confirm form (spelled fields typed, not heard), and the calendar file. */
export function BookingPanel({ siteName, color, slots, form, booking, onPick, onSubmit, onCancel }: Props) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    onSubmit({ name: String(f.get('name') ?? ''), email: String(f.get('email') ?? '') });
  };
  const errorFor = (path: string) => form?.fieldErrors.find((e) => e.path === path)?.message;
  return (
    <div className="space-y-2">
      {slots && !form && !booking ? (
        slots.length === 0 ? (
          <p className="text-xs text-slate-600">No free times at the moment.</p>
        ) : (
          <div data-testid="widget-slots" className="flex flex-wrap gap-2">
            {slots.map((s) => (
              <button key={s.id} type="button" onClick={() => onPick(s)} className="rounded-full border px-3 py-1 text-xs font-medium hover:bg-slate-50" style={{ borderColor: color, color }}>
                {s.label}
              </button>
            ))}
          </div>
        )
      ) : null}
      {form ? (
        <form onSubmit={submit} data-testid="booking-form" className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3" noValidate>
          <p className="text-sm font-semibold">Book {form.slot.label}</p>
          <label className="block text-xs font-medium">
            Name
            <input name="name" className={input} />
            {errorFor('name') ? <span className="text-xs text-red-700">{errorFor('name')}</span> : null}
          </label>
          <label className="block text-xs font-medium">
            Email
            <input name="email" type="email" className={input} />
            {errorFor('email') ? <span className="text-xs text-red-700">{errorFor('email')}</span> : null}
          </label>
          {form.error ? <p role="alert" className="text-xs text-red-700">{form.error}</p> : null}
          <div className="flex gap-2">
            <button type="submit" disabled={form.sending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
              {form.sending ? 'Booking…' : 'Book this time'}
            </button>
            <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm hover:bg-slate-200">
              Not now
            </button>
          </div>
        </form>
      ) : null}
      {booking ? (
        <div data-testid="booking-confirmed" className="rounded-lg bg-emerald-50 p-3 text-xs text-emerald-900">
          <p className="font-medium">Booked: {booking.label}. A confirmation goes to {booking.email}.</p>
          <a
            download="discovery-call.ics"
            href={`data:text/calendar;charset=utf-8,${encodeURIComponent(bookingIcs({ uid: booking.id, startsAt: booking.startsAt, minutes: booking.minutes, summary: `Discovery call with ${siteName}`, description: `Booked by ${booking.name} (${booking.email}) on the ${siteName} website.` }))}`}
            className="underline"
          >
            Add to my calendar (.ics)
          </a>
        </div>
      ) : null}
    </div>
  );
}
