'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { saveSiteAction } from '@/app/actions/website';
import type { FieldError } from '@/lib/contracts/action-result';
import { SITE_GOALS, WIDGET_POSITIONS, type SiteInput } from '@/lib/contracts/website';

const GOAL_LABELS: Record<(typeof SITE_GOALS)[number], string> = { book_call: 'Book a discovery call', answer_questions: 'Answer questions', support: 'Support' };
const input = 'mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm';

/** Create or edit a site; the server's zod errors are shown under their fields. */
export function SiteForm({ initial, isNew }: { initial: SiteInput; isNew: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorFor = (prefix: string) => errors.filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`)).map((e) => e.message).join(' ');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '');
    const n = (k: string) => (s(k).trim() === '' ? Number.NaN : Number(s(k)));
    const site = {
      id: s('id').trim(),
      name: s('name'),
      allowedOrigins: s('allowedOrigins').split(/\s+/).filter(Boolean),
      agentId: 'website-concierge',
      goal: s('goal'),
      theme: { color: s('color'), label: s('label'), position: s('position') },
      limits: { perIpPerMinute: n('perIpPerMinute'), perSitePerMinute: n('perSitePerMinute'), dailyBudgetMinutes: n('dailyBudgetMinutes'), maxSessionMinutes: n('maxSessionMinutes') },
      active: f.get('active') === 'on',
    };
    setSaving(true);
    const result = await saveSiteAction(site);
    setSaving(false);
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? []);
      setMessage(result.error.message);
      return;
    }
    setErrors([]);
    setMessage('Saved.');
    if (isNew) router.push(`/admin/sites/${result.data.id}`);
    else router.refresh();
  };

  const err = (path: string) => (errorFor(path) ? <span className="block text-xs text-red-700" data-testid={`error-${path}`}>{errorFor(path)}</span> : null);
  const num = (name: keyof SiteInput['limits'], label: string) => (
    <label className="block text-sm font-medium">
      {label}
      <input name={name} type="number" defaultValue={initial.limits[name]} className={input} />
      {err(`limits.${name}`)}
    </label>
  );

  return (
    <form onSubmit={(e) => void submit(e)} className="max-w-2xl space-y-4" noValidate data-testid="site-form">
      <div className="grid grid-cols-2 gap-4">
        <label className="block text-sm font-medium">
          Site id
          <input name="id" defaultValue={initial.id} readOnly={!isNew} className={`${input} ${isNew ? '' : 'bg-slate-100'}`} />
          {err('id')}
        </label>
        <label className="block text-sm font-medium">
          Name
          <input name="name" defaultValue={initial.name} className={input} />
          {err('name')}
        </label>
      </div>
      <label className="block text-sm font-medium">
        Allowed origins (one per line, exact: https://example.com; <code>self</code> = this app)
        <textarea name="allowedOrigins" rows={3} defaultValue={initial.allowedOrigins.join('\n')} className={`${input} font-mono`} />
        {err('allowedOrigins')}
      </label>
      <div className="grid grid-cols-2 gap-4">
        <label className="block text-sm font-medium">
          Agent
          <select name="agentId" defaultValue={initial.agentId} className={input} disabled>
            <option value="website-concierge">Website concierge (built in)</option>
          </select>
        </label>
        <label className="block text-sm font-medium">
          Goal
          <select name="goal" defaultValue={initial.goal} className={input}>
            {SITE_GOALS.map((g) => (
              <option key={g} value={g}>
                {GOAL_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="grid grid-cols-3 gap-4 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">Launcher</legend>
        <label className="block text-sm font-medium">
          Colour
          <input name="color" defaultValue={initial.theme.color} className={`${input} font-mono`} />
          {err('theme.color')}
        </label>
        <label className="block text-sm font-medium">
          Label
          <input name="label" defaultValue={initial.theme.label} className={input} />
          {err('theme.label')}
        </label>
        <label className="block text-sm font-medium">
          Position
          <select name="position" defaultValue={initial.theme.position} className={input}>
            {WIDGET_POSITIONS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset className="grid grid-cols-2 gap-4 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">Limits</legend>
        {num('perIpPerMinute', 'Sessions per visitor IP per minute')}
        {num('perSitePerMinute', 'Sessions per site per minute')}
        {num('dailyBudgetMinutes', 'Daily budget (realtime minutes)')}
        {num('maxSessionMinutes', 'Maximum session length (minutes)')}
      </fieldset>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="active" defaultChecked={initial.active} /> Active (the widget works on the allowed origins)
      </label>
      {message ? (
        <p role="status" className={`text-sm ${errors.length > 0 || message !== 'Saved.' ? 'text-red-700' : 'text-emerald-700'}`}>
          {message}
        </p>
      ) : null}
      <button type="submit" disabled={saving} className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white disabled:opacity-50">
        {saving ? 'Saving…' : isNew ? 'Create site' : 'Save changes'}
      </button>
    </form>
  );
}
