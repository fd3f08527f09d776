'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { addSlotsAction } from '@/app/actions/website';

const input = 'mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/** Add discovery-call slots to the site's availability calendar. */
export function AvailabilityForm({ siteId }: { siteId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const result = await addSlotsAction({ siteId, firstStart: String(f.get('firstStart') ?? ''), count: Number(f.get('count')), minutes: Number(f.get('minutes')) });
    if (!result.ok) setMessage(result.error.fieldErrors?.map((e) => e.message).join(' ') || result.error.message);
    else {
      setMessage(`${result.data.added} slot${result.data.added === 1 ? '' : 's'} added.`);
      router.refresh();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-wrap items-end gap-3" data-testid="availability-form" noValidate>
      <label className="block text-sm font-medium">
        First slot (UTC)
        <input name="firstStart" type="datetime-local" className={input} />
      </label>
      <label className="block text-sm font-medium">
        Slots
        <input name="count" type="number" defaultValue={4} className={`${input} w-20`} />
      </label>
      <label className="block text-sm font-medium">
        Minutes each
        <input name="minutes" type="number" defaultValue={15} className={`${input} w-20`} />
      </label>
      <button type="submit" className="rounded-lg bg-cue px-3 py-2 text-sm font-semibold text-white">
        Add slots
      </button>
      {message ? <p role="status" className="w-full text-sm text-slate-700">{message}</p> : null}
    </form>
  );
}
