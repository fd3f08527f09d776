import { describe, expect, it } from 'vitest';
import { chunkMarkdown } from './chunk';

describe('chunkMarkdown', () => {
  it('makes one chunk per section with its heading path and the page title from the first h1', () => {
    const md = '# Pricing\nIntro line.\n## Workshops\nThe **workshop** costs 4,800 euros.\n### Remote\n- Online [option](https://x) too\n## Coaching\nMonthly.';
    expect(chunkMarkdown(md, 'fallback')).toEqual({
      title: 'Pricing',
      chunks: [
        { headingPath: 'Pricing', body: 'Intro line.' },
        { headingPath: 'Pricing > Workshops', body: 'The workshop costs 4,800 euros.' },
        { headingPath: 'Pricing > Workshops > Remote', body: 'Online option too' },
        { headingPath: 'Pricing > Coaching', body: 'Monthly.' },
      ],
    });
  });

  it('uses the fallback title, ignores headings in code fences and splits long sections', () => {
    const long = Array.from({ length: 800 }, (_, i) => `w${i}`).join(' ');
    const result = chunkMarkdown(`text before\n\`\`\`\n# not a heading\n\`\`\`\n## Long\n${long}`, 'notes.md');
    expect(result.title).toBe('notes.md');
    expect(result.chunks.map((c) => c.headingPath)).toEqual(['', 'Long', 'Long', 'Long']);
    expect(result.chunks[0]?.body).toBe('text before # not a heading');
    expect(result.chunks[1]?.body.split(' ')).toHaveLength(350);
  });
});
