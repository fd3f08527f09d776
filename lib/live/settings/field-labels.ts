import type { HintSettingsKey } from './schema';

/** What the settings form calls each field: the words an import error uses instead of the field's path. */
export const SETTINGS_FIELD_LABELS: Readonly<Record<HintSettingsKey, string>> = {
  version: 'Settings version',
  triggers: 'Trigger phrases',
  doNotTrigger: 'Do-not-trigger phrases',
  interruptPhrases: 'Interrupt phrases',
  quickSeconds: 'Quick hint length',
  fullSeconds: 'Full guidance length',
  quickContextSize: 'Quick hint context',
  fullContextSize: 'Full guidance context',
  cooldownSeconds: 'Cooldown',
  perCallCap: 'Hints per call',
  voice: 'Voice',
  model: 'Model',
  transport: 'Transport',
  inputSource: 'Input source',
  tracing: 'OpenAI tracing',
};

const ITEM_LABELS: Partial<Record<HintSettingsKey, string>> = {
  triggers: 'Trigger phrase',
  doNotTrigger: 'Do-not-trigger phrase',
  interruptPhrases: 'Interrupt phrase',
};

function isKey(key: string): key is HintSettingsKey {
  return Object.hasOwn(SETTINGS_FIELD_LABELS, key);
}

/**
 * A field path in words: "triggers.1.phrase" -> "Trigger phrase 2", "triggers.0.action" ->
 * "Trigger phrase 1, action", "cooldownSeconds" -> "Cooldown", "" -> "The file"; a key the
 * app does not know is quoted as written.
 */
export function settingsPathLabel(path: string): string {
  if (!path) return 'The file';
  const [key = '', index, sub] = path.split('.');
  if (!isKey(key)) return `“${key}”`;
  const item = ITEM_LABELS[key];
  if (index === undefined || !item || !/^\d+$/.test(index)) return SETTINGS_FIELD_LABELS[key];
  const label = `${item} ${Number(index) + 1}`;
  if (sub === undefined || sub === 'phrase') return label;
  if (sub === 'action') return `${label}, action`;
  return `${label}, “${sub}”`;
}

/** The top-level setting a path belongs to, if the app knows it. */
export function settingsPathKey(path: string): HintSettingsKey | null {
  const key = path.split('.')[0] ?? '';
  return isKey(key) ? key : null;
}

/**
 * One line per problem, in the form's words: "Trigger phrase 2: use at least 2 characters".
 * A message that already starts with the field's label ("Cooldown must be a number") is
 * kept as it is; `kept` marks a field the file did not set (a rule that spans fields).
 */
export function settingsIssueText({ path, message }: { path: string; message: string }, kept = false): string {
  const label = `${settingsPathLabel(path)}${kept ? ' (your current setting)' : ''}`;
  if (!path) return message;
  if (!kept && message.toLowerCase().startsWith(settingsPathLabel(path).toLowerCase())) return message;
  return `${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}
