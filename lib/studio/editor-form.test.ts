import { describe, expect, it } from 'vitest';
import { phoneReceptionist } from '@/agents/studio-builtins';
import type { StudioAgentView } from '@/lib/contracts/studio-view';
import { configFromFields, emptyWebhook, errorsAt, fieldsFromAgent } from './editor-form';

const agent: StudioAgentView = {
  ...phoneReceptionist,
  tools: {
    builtins: ['end_call'],
    webhooks: [{ name: 'order_status', description: 'Order status by number.', url: 'https://h.example/o', parameters: { type: 'object', properties: {} }, timeoutMs: 3000, secretHeader: { name: 'X-Key', hint: '••••42' } }],
  },
};

describe('studio editor form', () => {
  it('round-trips a stored agent, sending an empty secret (= keep the stored one)', () => {
    const fields = fieldsFromAgent(agent);
    expect(fields.webhooks[0]).toMatchObject({ secretName: 'X-Key', secretValue: '', secretHint: '••••42', timeoutMs: '3000' });
    const built = configFromFields(agent, { ...fields, instructions: `${fields.instructions} More.` });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.config).toMatchObject({ id: agent.id, instructions: `${agent.instructions} More.`, tools: { builtins: ['end_call'], webhooks: [{ name: 'order_status', timeoutMs: 3000, secretHeader: { name: 'X-Key', value: '' } }] } });
  });

  it('reports parameters that are not JSON at their field, without sending', () => {
    const fields = fieldsFromAgent(agent);
    const built = configFromFields(agent, { ...fields, webhooks: [...fields.webhooks, { ...emptyWebhook(), parametersText: '{ nope' }] });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.fieldErrors.map((e) => e.path)).toEqual(['tools.webhooks.1.parameters']);
  });

  it('drops the secret header when both its fields are emptied', () => {
    const fields = fieldsFromAgent(agent);
    const built = configFromFields(agent, { ...fields, webhooks: [{ ...fields.webhooks[0]!, secretName: '' }] });
    expect(built.ok && (built.config.tools as { webhooks: { secretHeader: unknown }[] }).webhooks[0]?.secretHeader).toBeNull();
  });

  it('collects the errors at a field and below it', () => {
    const errors = [
      { path: 'tools.webhooks.0.parameters.required.0', message: 'not a property' },
      { path: 'tools.webhooks.0.url', message: 'bad url' },
      { path: 'tools.webhooks.10.url', message: 'another tool' },
    ];
    expect(errorsAt(errors, 'tools.webhooks.0.parameters')).toEqual(['required.0: not a property']);
    expect(errorsAt(errors, 'tools.webhooks.0.url')).toEqual(['bad url']);
    expect(errorsAt(errors, 'tools.webhooks.1.url')).toEqual([]);
  });
});
