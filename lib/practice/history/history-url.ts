/** /history's URL: ?scenario=<id> and ?person=<user id> (a coach's choice) filter, ?page=<n> (1-based) pages the session list. */

export function historyHref({ scenario, person, page = 1 }: { scenario?: string | null; person?: string | null; page?: number }): string {
  const params = new URLSearchParams();
  if (scenario) params.set('scenario', scenario);
  if (person) params.set('person', person);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/history?${query}` : '/history';
}

/** A page number from the URL; anything that is not a positive whole number means page 1. */
export function parsePageParam(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^[1-9]\d{0,6}$/.test(raw)) return 1;
  return Number(raw);
}
