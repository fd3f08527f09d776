import { describe, expect, it } from 'vitest';
import { diffConfigs } from './config-diff';

const base = {
  name: 'Receptionist',
  voice: 'marin',
  instructions: 'Line one.\nLine two.\nLine three.',
  tools: { builtins: ['end_call', 'lookup_customer'], webhooks: [{ name: 'order_status', url: 'https://a.example/x', timeoutMs: 3000, parameters: { type: 'object', properties: {} } }] },
};

describe('diffConfigs', () => {
  it('is empty for equal configs', () => {
    expect(diffConfigs(base, structuredClone(base))).toEqual([]);
  });

  it('gives scalars as before/after and long text as a line diff', () => {
    const changes = diffConfigs(base, { ...base, voice: 'cedar', instructions: 'Line one.\nLine 2.\nLine three.' });
    expect(changes).toEqual([
      { path: 'voice', kind: 'changed', before: 'marin', after: 'cedar' },
      expect.objectContaining({ path: 'instructions', kind: 'changed' }),
    ]);
    expect(changes[1]?.lines).toEqual([
      { op: ' ', text: 'Line one.' },
      { op: '-', text: 'Line two.' },
      { op: '+', text: 'Line 2.' },
      { op: ' ', text: 'Line three.' },
    ]);
  });

  it('an appended line is one added line (the old last line had no newline)', () => {
    const changes = diffConfigs(base, { ...base, instructions: `${base.instructions}\nLine four.` });
    expect(changes[0]?.lines?.filter((l) => l.op !== ' ')).toEqual([{ op: '+', text: 'Line four.' }]);
  });

  it('matches built-ins as a set and webhook tools by name', () => {
    const next = {
      ...base,
      tools: { builtins: ['lookup_customer', 'transfer_to_human'], webhooks: [{ ...base.tools.webhooks[0], timeoutMs: 4000 }, { name: 'weather', url: 'https://w.example', timeoutMs: 1000, parameters: { type: 'object', properties: {} } }] },
    };
    const changes = diffConfigs(base, next);
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      'removed tools.builtins.end_call',
      'changed tools.webhooks.order_status.timeoutMs',
      'added tools.builtins.transfer_to_human',
      'added tools.webhooks.weather.name',
      'added tools.webhooks.weather.url',
      'added tools.webhooks.weather.timeoutMs',
      'added tools.webhooks.weather.parameters',
    ]);
  });
});
