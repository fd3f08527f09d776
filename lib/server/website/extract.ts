import 'server-only';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * A page's main content as Markdown-like text (headings as `#`, blocks as lines), with
 * Mozilla Readability on a linkedom DOM: navigation, footers and sidebars are left out.
 * Falls back to the whole <body> (or <main>) when Readability finds no article.
 */
const BLOCKS = new Set(['P', 'LI', 'TD', 'TH', 'PRE', 'BLOCKQUOTE', 'DT', 'DD', 'FIGCAPTION']);

type El = { tagName: string; textContent: string | null; children: ArrayLike<El> };

function walk(el: El, out: string[]): void {
  const tag = el.tagName.toUpperCase();
  const heading = /^H([1-6])$/.exec(tag);
  if (heading?.[1]) {
    out.push(`${'#'.repeat(Number(heading[1]))} ${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}`);
    return;
  }
  if (BLOCKS.has(tag)) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
    return;
  }
  if (el.children.length === 0) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
    return;
  }
  for (const child of Array.from(el.children)) walk(child, out);
}

export function htmlToMarkdown(html: string): { title: string; markdown: string } {
  const { document } = parseHTML(html);
  const pageTitle = (document.querySelector('title')?.textContent ?? '').trim();
  const h1 = (document.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    article = new Readability(document.cloneNode(true) as unknown as Document).parse();
  } catch {
    article = null;
  }
  const out: string[] = [];
  const title = h1 || article?.title?.trim() || pageTitle;
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    walk(content.body as unknown as El, out);
  } else {
    const root = document.querySelector('main') ?? document.body;
    if (root) walk(root as unknown as El, out);
  }
  // Readability drops the page's h1 (it becomes the title): put it back as the top heading.
  if (title && !out.some((l) => l.startsWith('# '))) out.unshift(`# ${title}`);
  return { title, markdown: out.join('\n') };
}
