/**
 * robots.txt for one user agent: the longest matching Allow/Disallow rule wins (RFC 9309),
 * `*` and `$` supported. The group for our agent if there is one, else the `*` group. Pure.
 */
type Rule = { allow: boolean; pattern: string };

export function parseRobots(text: string, agent: string): Rule[] {
  const groups = new Map<string, Rule[]>();
  let current: string[] = [];
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([a-z-]+)\s*:\s*(.*)$/i.exec(line);
    if (!m?.[1]) continue;
    const key = m[1].toLowerCase();
    const value = (m[2] ?? '').trim();
    if (key === 'user-agent') {
      if (!lastWasAgent) current = [];
      current.push(value.toLowerCase());
      if (!groups.has(value.toLowerCase())) groups.set(value.toLowerCase(), []);
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if ((key === 'allow' || key === 'disallow') && value !== '') for (const a of current) groups.get(a)?.push({ allow: key === 'allow', pattern: value });
  }
  return groups.get(agent.toLowerCase()) ?? groups.get('*') ?? [];
}

function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern).split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`).test(path);
}

export function robotsAllows(rules: readonly Rule[], pathWithQuery: string): boolean {
  let best: Rule | null = null;
  for (const r of rules) {
    if (!matches(r.pattern, pathWithQuery)) continue;
    if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
  }
  return best ? best.allow : true;
}

/** `<loc>` URLs of a sitemap (or sitemap index), in order, unique. */
export function sitemapUrls(xml: string): string[] {
  const out = new Set<string>();
  for (const m of xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)) if (m[1]) out.add(m[1].replaceAll('&amp;', '&'));
  return [...out];
}
