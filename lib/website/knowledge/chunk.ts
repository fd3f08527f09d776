/**
 * Chunks a page by heading: each chunk is one section (its heading path, e.g. "Services > Workshops")
 * with its text, split further when a section runs past MAX_WORDS. Input is Markdown, or the
 * Markdown-like text the server makes from a page's main content. Pure.
 */
type PageSection = { headingPath: string; body: string };
export type PageChunks = { title: string; chunks: PageSection[] };

const MAX_WORDS = 350;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

function plain(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .trim();
}

function splitLong(body: string): string[] {
  const words = body.split(/\s+/).filter(Boolean);
  if (words.length <= MAX_WORDS) return [body];
  const parts: string[] = [];
  for (let i = 0; i < words.length; i += MAX_WORDS) parts.push(words.slice(i, i + MAX_WORDS).join(' '));
  return parts;
}

/** The page's chunks in order; `fallbackTitle` when the page has no level-1 heading. */
export function chunkMarkdown(markdown: string, fallbackTitle: string): PageChunks {
  const path: string[] = [];
  let title: string | null = null;
  const sections: { headingPath: string; lines: string[] }[] = [{ headingPath: '', lines: [] }];
  let inFence = false;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    const m = inFence ? null : HEADING.exec(raw);
    if (m?.[1] && m[2]) {
      const level = m[1].length;
      const text = plain(m[2]);
      if (level === 1 && title === null) title = text;
      path.length = Math.max(0, level - 1);
      path[level - 1] = text;
      sections.push({ headingPath: path.filter(Boolean).join(' > '), lines: [] });
      continue;
    }
    const line = plain(raw.replace(/^\s*([-*+]|\d+\.)\s+/, ''));
    if (line) sections.at(-1)?.lines.push(line);
  }
  const chunks: PageSection[] = [];
  for (const s of sections) {
    const body = s.lines.join(' ').replace(/\s+/g, ' ').trim();
    if (!body) continue;
    for (const part of splitLong(body)) chunks.push({ headingPath: s.headingPath, body: part });
  }
  return { title: title ?? fallbackTitle, chunks };
}
