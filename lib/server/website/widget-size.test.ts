import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

describe('public/widget.js', () => {
  it('is at most 5 kB compressed (gzip level 9, as served with compression)', () => {
    const source = readFileSync(path.join(process.cwd(), 'public', 'widget.js'));
    const size = gzipSync(source, { level: 9 }).length;
    expect(size).toBeLessThanOrEqual(5000);
    expect(source.toString()).toContain("setAttribute('allow', 'microphone; autoplay')");
  });
});
