/**
 * The Markdown every export writes: escaped text (speech and user-entered scenario fields never
 * carry raw HTML or Markdown into the document), table cells, fact lists and speech lines.
 */

/** Escape what Markdown (or HTML) would otherwise interpret inside a line of text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>|~#])/g, '\\$1');
}

/** A table cell: escaped, on one line. */
export function tableCell(text: string): string {
  return escapeMarkdown(text);
}

/** A document title and its facts as a list: `# Title`, then `- Label: value` lines. */
export function headerBlock(title: string, facts: ReadonlyArray<readonly [label: string, value: string]>): string[] {
  return [`# ${escapeMarkdown(title)}`, '', ...facts.map(([label, value]) => `- ${label}: ${value}`), ''];
}

/** One line of speech: `**[m:ss] Who:** text` (text escaped here). */
export function speechLine(when: string, who: string, text: string): string {
  return `**[${when}] ${escapeMarkdown(who)}:** ${escapeMarkdown(text)}`;
}

/** Join lines into a document: no runs of blank lines, one final newline. */
export function finishDocument(lines: readonly string[]): string {
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
