import { describe, expect, it } from 'vitest';
import { SERVICE_MESSAGES, serviceProblems, readinessFrom } from './service-status';

describe('serviceProblems', () => {
  const ok = { ok: true, ms: 1 };
  it('says nothing when all is well', () => {
    expect(serviceProblems({ ok: true, database: ok, engine: { ...ok, backend: 'local', supervised: true } })).toEqual([]);
  });
  it('names the database, and a supervised engine as restarting', () => {
    expect(serviceProblems({ ok: false, database: { ok: false, error: 'x' }, engine: { ok: false, backend: 'local', supervised: true } }).map((p) => p.message)).toEqual([
      SERVICE_MESSAGES.database,
      SERVICE_MESSAGES.engineRestarting,
    ]);
    expect(serviceProblems({ ok: false, database: ok, engine: { ok: false, backend: 'local', supervised: false } })[0]?.message).toBe(SERVICE_MESSAGES.engineDown);
    expect(serviceProblems(null)[0]?.key).toBe('server');
  });
});

describe('readinessFrom (the banner checks /api/ready by hand: no zod in every page)', () => {
  it('takes a well-formed answer and refuses anything else', () => {
    const local = { ok: false, database: { ok: true, ms: 3 }, engine: { ok: false, backend: 'local', supervised: true, error: 'down' } };
    expect(readinessFrom(local)).toEqual(local);
    expect(readinessFrom({ ok: true, database: { ok: true }, engine: { ok: true, backend: 'openai' } })).not.toBeNull();
    for (const bad of [null, 'ok', {}, { ok: true, database: {}, engine: { ok: true, backend: 'openai' } }, { ok: true, database: { ok: true }, engine: { ok: false, backend: 'local' } }, { ok: true, database: { ok: true }, engine: { ok: false, backend: 'openai' } }]) {
      expect(readinessFrom(bad)).toBeNull();
    }
  });
});
