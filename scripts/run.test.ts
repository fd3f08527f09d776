import { describe, expect, it } from 'vitest';
import { listenHost } from './run';

describe('listenHost (npm run dev / npm start)', () => {
  it('is loopback unless told otherwise', () => {
    expect(listenHost({ CUE_HOST: undefined }, undefined)).toBe('127.0.0.1');
    expect(listenHost({ CUE_HOST: undefined }, 'build-box-7f3a')).toBe('127.0.0.1'); // a container's machine name
  });
  it('takes CUE_HOST, or HOSTNAME when it is an address', () => {
    expect(listenHost({ CUE_HOST: '0.0.0.0' }, '127.0.0.1')).toBe('0.0.0.0');
    expect(listenHost({ CUE_HOST: undefined }, '0.0.0.0')).toBe('0.0.0.0');
    expect(listenHost({ CUE_HOST: undefined }, '::1')).toBe('::1');
    expect(listenHost({ CUE_HOST: undefined }, 'localhost')).toBe('localhost');
  });
});
