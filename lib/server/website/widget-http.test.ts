import { describe, expect, it } from 'vitest';
import { appOriginOf } from './widget-http';

describe('appOriginOf', () => {
  it('is the origin the browser asked for (Host, or the forwarded host and proto)', () => {
    expect(appOriginOf(new Request('http://localhost:3000/api/widget/mint', { headers: { host: '127.0.0.1:3205' } }))).toBe('http://127.0.0.1:3205');
    expect(appOriginOf(new Request('http://10.0.0.5:3000/x', { headers: { host: '10.0.0.5:3000', 'x-forwarded-host': 'cue.example.com', 'x-forwarded-proto': 'https' } }))).toBe('https://cue.example.com');
  });
});
