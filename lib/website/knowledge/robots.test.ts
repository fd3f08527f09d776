import { describe, expect, it } from 'vitest';
import { parseRobots, robotsAllows, sitemapUrls } from './robots';

describe('robots.txt', () => {
  const txt = 'User-agent: *\nDisallow: /private\nAllow: /private/press\nDisallow: /*.pdf$\n\nUser-agent: CueBot\nDisallow: /no-cue';
  it('uses the * group and lets the longest rule win', () => {
    const rules = parseRobots(txt, 'SomeBot');
    expect(robotsAllows(rules, '/pricing')).toBe(true);
    expect(robotsAllows(rules, '/private/x')).toBe(false);
    expect(robotsAllows(rules, '/private/press/1')).toBe(true);
    expect(robotsAllows(rules, '/file.pdf')).toBe(false);
    expect(robotsAllows(rules, '/file.pdf?x=1')).toBe(true);
  });
  it('prefers the group naming our agent', () => {
    const rules = parseRobots(txt, 'cuebot');
    expect(robotsAllows(rules, '/no-cue/a')).toBe(false);
    expect(robotsAllows(rules, '/private/x')).toBe(true);
  });
  it('reads sitemap locations', () => {
    expect(sitemapUrls('<urlset><url><loc> https://a.test/x?a=1&amp;b=2 </loc></url><url><loc>https://a.test/y</loc></url></urlset>')).toEqual(['https://a.test/x?a=1&b=2', 'https://a.test/y']);
  });
});
