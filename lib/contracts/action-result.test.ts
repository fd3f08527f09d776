import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fail, ok, parseInput, runAction } from './action-result';

const schema = z.object({ name: z.string().min(2), tags: z.array(z.string()).max(1) });

describe('action results', () => {
  it('builds success and failure values', () => {
    expect(ok(3)).toEqual({ ok: true, data: 3 });
    expect(fail('not_found', 'Nope')).toEqual({ ok: false, error: { code: 'not_found', message: 'Nope' } });
    expect(fail('x', 'y', [])).toEqual({ ok: false, error: { code: 'x', message: 'y' } });
    expect(fail('x', 'y', [{ path: 'a', message: 'b' }])).toEqual({ ok: false, error: { code: 'x', message: 'y', fieldErrors: [{ path: 'a', message: 'b' }] } });
  });

  it('parses input into field errors with dotted paths', () => {
    expect(parseInput(schema, { name: 'A', tags: ['a', 'b'] })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Some fields are not valid. Fix them and try again.',
        fieldErrors: [
          { path: 'name', message: 'Too small: expected string to have >=2 characters' },
          { path: 'tags', message: 'Too big: expected array to have <=1 items' },
        ],
      },
    });
    expect(parseInput(schema, 'nope')).toMatchObject({ ok: false, error: { fieldErrors: [{ path: '(root)' }] } });
  });

  it('runs the handler only on valid input and hides unexpected errors', async () => {
    let calls = 0;
    const handler = async (d: z.output<typeof schema>) => {
      calls++;
      if (d.name === 'boom') throw new Error('secret detail');
      return ok(d.name.toUpperCase());
    };
    expect(await runAction(schema, { name: 'x', tags: [] }, handler)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toBe(0);
    expect(await runAction(schema, { name: 'ada', tags: [] }, handler)).toEqual({ ok: true, data: 'ADA' });
    const boom = await runAction(schema, { name: 'boom', tags: [] }, handler);
    expect(boom).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong on the server. Try again.' } });
    expect(JSON.stringify(boom)).not.toContain('secret');
  });
});
