import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './extract';

describe('htmlToMarkdown (readability + linkedom)', () => {
  it('keeps the main content with its headings and drops the navigation and footer', () => {
    const html = `<!doctype html><html><head><title>Pricing | Northwind</title></head><body>
      <nav><a href="/">Home</a><a href="/about">About us and more links</a></nav>
      <main><article><h1>Pricing</h1><p>Our prices are simple and published. We believe clients should know what they pay before they call.</p>
      <h2>Workshops</h2><p>The executive AI workshop costs 4,800 euros for up to twelve people, including preparation and a written summary.</p>
      <h2>Coaching</h2><ul><li>Monthly coaching is 1,200 euros per leader.</li><li>Cancel any month.</li></ul></article></main>
      <footer>Copyright Northwind. Imprint. Privacy.</footer></body></html>`;
    const { title, markdown } = htmlToMarkdown(html);
    expect(title).toBe('Pricing');
    expect(markdown).toContain('## Workshops');
    expect(markdown).toContain('The executive AI workshop costs 4,800 euros');
    expect(markdown).toContain('Monthly coaching is 1,200 euros per leader.');
    expect(markdown).not.toContain('Copyright');
    expect(markdown.startsWith('# Pricing')).toBe(true);
  });
});
