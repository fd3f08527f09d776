import { diffLines } from 'diff';
import type { ConfigChange, DiffLine } from '@/lib/contracts/studio-view';

/**
 * What changed between two versions of an agent config, field by field: long text (instructions,
 * greeting, a tool's parameters) as a line diff, everything else as before / after. Webhook tools
 * are matched by name; built-in tools as a set. Callers redact secrets before diffing.
 */
type Flat = Map<string, string>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function flatten(value: unknown, path: string, out: Flat): void {
  if (path === 'tools.builtins' && Array.isArray(value)) {
    for (const name of value) out.set(`tools.builtins.${String(name)}`, 'on');
    return;
  }
  if (path === 'tools.webhooks' && Array.isArray(value)) {
    for (const tool of value) {
      const name = isRecord(tool) && typeof tool.name === 'string' ? tool.name : '?';
      flatten(tool, `tools.webhooks.${name}`, out);
    }
    return;
  }
  if (path.endsWith('.parameters')) {
    out.set(path, JSON.stringify(value, null, 2));
    return;
  }
  if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) flatten(v, path ? `${path}.${key}` : key, out);
    return;
  }
  out.set(path, typeof value === 'string' ? value : JSON.stringify(value));
}

function lineDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  // A last line without its newline is still the same line.
  const nl = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  for (const part of diffLines(nl(before), nl(after))) {
    const op = part.added ? '+' : part.removed ? '-' : ' ';
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value;
    for (const line of text.split('\n')) lines.push({ op, text: line });
  }
  return lines;
}

export function diffConfigs(before: unknown, after: unknown): ConfigChange[] {
  const a: Flat = new Map();
  const b: Flat = new Map();
  flatten(before ?? {}, '', a);
  flatten(after ?? {}, '', b);
  const changes: ConfigChange[] = [];
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  for (const path of paths) {
    const x = a.get(path);
    const y = b.get(path);
    if (x === y) continue;
    if (x === undefined) changes.push({ path, kind: 'added', after: y });
    else if (y === undefined) changes.push({ path, kind: 'removed', before: x });
    else if (x.includes('\n') || y.includes('\n')) changes.push({ path, kind: 'changed', before: x, after: y, lines: lineDiff(x, y) });
    else changes.push({ path, kind: 'changed', before: x, after: y });
  }
  return changes;
}
