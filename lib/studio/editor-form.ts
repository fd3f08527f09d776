import type { FieldError } from '@/lib/contracts/action-result';
import { WEBHOOK_TIMEOUT_MS, type BuiltinToolName } from '@/lib/contracts/studio-agent';
import type { StudioAgentView } from '@/lib/contracts/studio-view';

/**
 * The studio editor's form state and its conversions: a stored agent (secrets as hints) into fields,
 * the fields back into the config a save sends (parameters parsed from their JSON text, an empty
 * secret meaning "keep the stored one"), and field errors by the path the server names.
 */
export type WebhookFields = {
  /** Stable React key (a tool's name can change while it is edited). */
  key: string;
  name: string;
  description: string;
  url: string;
  parametersText: string;
  timeoutMs: string;
  secretName: string;
  secretValue: string;
  /** The stored secret's hint, e.g. "••••42"; null when none is stored. */
  secretHint: string | null;
};

export type EditorFields = {
  name: string;
  purpose: string;
  voice: string;
  greeting: string;
  instructions: string;
  /** E.164, or empty for none. */
  transferNumber: string;
  builtins: BuiltinToolName[];
  webhooks: WebhookFields[];
};

let keySeq = 0;
const nextKey = () => `w${(keySeq += 1)}`;

export function fieldsFromAgent(agent: StudioAgentView): EditorFields {
  return {
    name: agent.name,
    purpose: agent.purpose,
    voice: agent.voice,
    greeting: agent.greeting,
    transferNumber: agent.transferNumber ?? '',
    instructions: agent.instructions,
    builtins: [...agent.tools.builtins],
    webhooks: agent.tools.webhooks.map((w) => ({
      key: nextKey(),
      name: w.name,
      description: w.description,
      url: w.url,
      parametersText: JSON.stringify(w.parameters, null, 2),
      timeoutMs: String(w.timeoutMs),
      secretName: w.secretHeader?.name ?? '',
      secretValue: '',
      secretHint: w.secretHeader?.hint ?? null,
    })),
  };
}

export function emptyWebhook(): WebhookFields {
  return {
    key: nextKey(),
    name: '',
    description: '',
    url: 'https://',
    parametersText: JSON.stringify({ type: 'object', properties: { query: { type: 'string', description: 'What the caller asked' } }, required: ['query'] }, null, 2),
    timeoutMs: String(WEBHOOK_TIMEOUT_MS.default),
    secretName: '',
    secretValue: '',
    secretHint: null,
  };
}

/** The config to save (everything the agent had, with the edited fields), or the fields the browser can already tell are wrong. */
export function configFromFields(agent: StudioAgentView, f: EditorFields): { ok: true; config: Record<string, unknown> } | { ok: false; fieldErrors: FieldError[] } {
  const fieldErrors: FieldError[] = [];
  const webhooks = f.webhooks.map((w, i) => {
    let parameters: unknown = null;
    try {
      parameters = JSON.parse(w.parametersText);
    } catch (error) {
      fieldErrors.push({ path: `tools.webhooks.${i}.parameters`, message: `not valid JSON: ${error instanceof Error ? error.message : 'parse error'}` });
    }
    const timeout = w.timeoutMs.trim() === '' ? undefined : Number(w.timeoutMs);
    const hasSecret = w.secretName.trim() !== '' || w.secretValue !== '';
    return {
      name: w.name.trim(),
      description: w.description,
      url: w.url,
      parameters,
      timeoutMs: timeout,
      secretHeader: hasSecret ? { name: w.secretName.trim(), value: w.secretValue } : null,
    };
  });
  if (fieldErrors.length > 0) return { ok: false, fieldErrors };
  const { tools: _tools, ...rest } = agent;
  return {
    ok: true,
    config: { ...rest, name: f.name, purpose: f.purpose, voice: f.voice, greeting: f.greeting, instructions: f.instructions, transferNumber: f.transferNumber.trim() === '' ? null : f.transferNumber.trim(), tools: { builtins: f.builtins, webhooks } },
  };
}

/** The errors for one field: its own path and anything below it (e.g. "tools.webhooks.0.parameters.required.0"). */
export function errorsAt(errors: readonly FieldError[], path: string): string[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`)).map((e) => (e.path === path ? e.message : `${e.path.slice(path.length + 1)}: ${e.message}`));
}
