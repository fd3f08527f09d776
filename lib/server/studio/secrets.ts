import type { StudioAgentConfig } from '@/lib/contracts/studio-agent';
import type { StudioAgentView } from '@/lib/contracts/studio-view';

/** Webhook secrets: shown as a hint, kept when a save leaves them empty, hidden from diffs. */

function secretHint(value: string): string {
  return value.length >= 8 ? `••••${value.slice(-2)}` : '••••';
}

export function redactConfig(config: StudioAgentConfig): StudioAgentView {
  return {
    ...config,
    tools: {
      builtins: config.tools.builtins,
      webhooks: config.tools.webhooks.map((w) => ({ ...w, secretHeader: w.secretHeader ? { name: w.secretHeader.name, hint: secretHint(w.secretHeader.value) } : null })),
    },
  };
}

/**
 * A config from the browser with each empty secret value replaced by the stored one of the tool with
 * the same name (if it had one). Anything else is left for the schema to judge.
 */
export function restoreSecrets(raw: Record<string, unknown>, previous: StudioAgentConfig): Record<string, unknown> {
  const tools = raw.tools as { webhooks?: unknown } | undefined;
  if (!tools || !Array.isArray(tools.webhooks)) return raw;
  const stored = new Map(previous.tools.webhooks.map((w) => [w.name, w.secretHeader?.value]));
  const webhooks = tools.webhooks.map((w: unknown) => {
    if (!w || typeof w !== 'object') return w;
    const tool = w as { name?: unknown; secretHeader?: { name?: unknown; value?: unknown } | null };
    const header = tool.secretHeader;
    if (!header || typeof header !== 'object' || (header.value !== '' && header.value !== undefined)) return w;
    const kept = typeof tool.name === 'string' ? stored.get(tool.name) : undefined;
    return kept ? { ...tool, secretHeader: { ...header, value: kept } } : { ...tool, secretHeader: { ...header, value: '' } };
  });
  return { ...raw, tools: { ...tools, webhooks } };
}

/** For diffs: a secret shows as its hint, plus a marker that changes whenever the value does. */
export function diffableConfig(config: StudioAgentConfig, fingerprint: (value: string) => string): unknown {
  return {
    ...config,
    tools: {
      ...config.tools,
      webhooks: config.tools.webhooks.map((w) => ({ ...w, secretHeader: w.secretHeader ? { name: w.secretHeader.name, value: `${secretHint(w.secretHeader.value)} (#${fingerprint(w.secretHeader.value)})` } : null })),
    },
  };
}
