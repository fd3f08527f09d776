/** For a coach: whose sessions /history shows (everyone visible, or one person). A plain GET form: works before any script loads. */
export function PersonFilter({ people, value, scenario }: { people: { id: string; name: string }[]; value: string | null; scenario: string | null }) {
  return (
    <form method="get" action="/history" className="flex w-full min-w-0 items-end gap-2 text-sm sm:w-auto" data-testid="person-filter">
      {scenario ? <input type="hidden" name="scenario" value={scenario} /> : null}
      <label className="min-w-0 flex-1">
        <span className="block text-xs text-slate-600">Person</span>
        <select name="person" defaultValue={value ?? ''} data-testid="person-select" className="w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm sm:max-w-xs">
          <option value="">Everyone I coach, and me</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" data-testid="person-apply" className="shrink-0 rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
        Show
      </button>
    </form>
  );
}
