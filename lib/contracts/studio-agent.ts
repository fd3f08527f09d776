import { z } from 'zod';
import { agentCoreSchema, TOOL_NAME_PATTERN } from './agent-config';
import { plainText } from './safe-text';

/**
 * An agent as the agent studio stores it (one row per version in the database): the core fields
 * every agent has (agentCoreSchema, the same schema the typed configs in agents/ use) plus what a
 * phone agent needs as data: a greeting, and tools as names of built-in tools and webhook tool
 * definitions (JSON-schema parameters instead of zod objects, so they survive the database).
 * The typed built-ins (agents/studio-builtins.ts) are parsed with this schema and seeded on first use.
 */

// ---- JSON-schema parameters: the subset a realtime function tool needs -------------------------

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_DEPTH = 4;

type JsonSchemaProperty =
  | { type: 'string'; description?: string; enum?: string[] }
  | { type: 'number' | 'integer'; description?: string; minimum?: number; maximum?: number }
  | { type: 'boolean'; description?: string }
  | { type: 'array'; description?: string; items: JsonSchemaProperty }
  | JsonSchemaObject;
export type JsonSchemaObject = {
  type: 'object';
  description?: string;
  properties: Record<string, JsonSchemaProperty>;
  required?: string[];
  additionalProperties?: boolean;
};

const description = plainText().max(500).optional();

function depthOf(p: JsonSchemaProperty): number {
  if (p.type === 'object') return 1 + Math.max(0, ...Object.values(p.properties).map(depthOf));
  if (p.type === 'array') return 1 + depthOf(p.items);
  return 1;
}

const propertySchema: z.ZodType<JsonSchemaProperty> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('string'), description, enum: z.array(plainText().min(1).max(100)).min(1).max(50).optional() }).strict(),
    z.object({ type: z.enum(['number', 'integer']), description, minimum: z.number().optional(), maximum: z.number().optional() }).strict(),
    z.object({ type: z.literal('boolean'), description }).strict(),
    z.object({ type: z.literal('array'), description, items: propertySchema }).strict(),
    objectSchema,
  ]),
);

const objectSchema = z
    .object({
      type: z.literal('object'),
      description,
      properties: z.record(z.string().regex(PROPERTY_NAME, 'property names are letters, digits and _'), z.lazy(() => propertySchema)),
      required: z.array(z.string()).optional(),
      additionalProperties: z.boolean().optional(),
    })
    .strict()
    .superRefine((o, ctx) => {
      if (Object.keys(o.properties).length > 30) ctx.addIssue({ code: 'custom', path: ['properties'], message: 'at most 30 properties' });
      for (const [i, name] of (o.required ?? []).entries()) {
        if (!Object.hasOwn(o.properties, name)) ctx.addIssue({ code: 'custom', path: ['required', i], message: `"${name}" is required but not among the properties` });
      }
    });

/** A tool's parameters: a JSON-schema object (the subset above), at most 4 levels deep. */
const toolParametersSchema = objectSchema.superRefine((o, ctx) => {
  if (depthOf(o) > MAX_DEPTH) ctx.addIssue({ code: 'custom', message: `nest parameters at most ${MAX_DEPTH} levels deep` });
});

/**
 * Built-in tools an agent may switch on. The read-only lookups (LOOKUP_TOOL_NAMES) run on the app's
 * database (lib/server/services/lookup-tools.ts) on phone calls and in "Try it"; end_call and
 * transfer_to_human are call control (lib/server/phone). The parameters here are what the model is
 * shown and match the executors' zod parameters (lookup-tools.test.ts checks).
 */
const str = (description: string) => ({ type: 'string' as const, description });
export const BUILTIN_TOOLS = [
  { name: 'lookup_customer', label: 'Customer lookup', description: 'Find a customer by name, email, phone number or order number.', parameters: { type: 'object', properties: { query: str('A name, email, phone number or order number') }, required: ['query'] } },
  { name: 'get_order_details', label: 'Order details', description: 'Read one order with its lines, status and tracking.', parameters: { type: 'object', properties: { order_number: str('The order number, e.g. 1234-5678') }, required: ['order_number'] } },
  { name: 'check_policy', label: 'Policy check', description: 'Read the company policy of a kind (returns, refunds, warranty, shipping, sla), the one best matching the topic.', parameters: { type: 'object', properties: { kind: { type: 'string', description: 'The kind of policy', enum: ['returns', 'refunds', 'warranty', 'shipping', 'sla'] }, topic: str('What the caller asks about, e.g. "parcel never arrived"') }, required: ['kind', 'topic'] } },
  { name: 'search_knowledge', label: 'Knowledge search', description: 'Search the help articles for the caller\'s question.', parameters: { type: 'object', properties: { query: str('The caller\'s question, in their words') }, required: ['query'] } },
  { name: 'end_call', label: 'End call', description: 'Hang up once the caller has said goodbye.', parameters: { type: 'object', properties: {} } },
  { name: 'transfer_to_human', label: 'Transfer to a human', description: 'Hand the call to a person (a <Dial> through Twilio).', parameters: { type: 'object', properties: { reason: str('Why the caller wants a person, in one sentence') }, required: ['reason'] } },
] as const satisfies readonly { name: string; label: string; description: string; parameters: JsonSchemaObject }[];
export type BuiltinToolName = (typeof BUILTIN_TOOLS)[number]['name'];
/** The built-ins that only read (customer, order, policy, articles): safe to run anywhere, Try it included. */
export const LOOKUP_TOOL_NAMES = ['lookup_customer', 'get_order_details', 'check_policy', 'search_knowledge'] as const satisfies readonly BuiltinToolName[];
export type LookupToolName = (typeof LOOKUP_TOOL_NAMES)[number];
export function isLookupTool(name: string): name is LookupToolName {
  return (LOOKUP_TOOL_NAMES as readonly string[]).includes(name);
}
const BUILTIN_TOOL_NAMES = BUILTIN_TOOLS.map((t) => t.name) as [BuiltinToolName, ...BuiltinToolName[]];

// ---- webhook tools ----------------------------------------------------------------------------

export const WEBHOOK_TIMEOUT_MS = { min: 500, max: 15_000, default: 5000 } as const;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;

const webhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0 && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'enter an http:// or https:// URL (no user name or password in it)');

/** A tool the server calls over HTTP (POST, JSON arguments in, JSON result back to the model). */
const webhookToolSchema = z.object({
  name: z.string().regex(TOOL_NAME_PATTERN, 'tool names are snake_case: a-z, 0-9 and _, starting with a letter (2 to 64 characters)'),
  description: plainText().trim().min(10, 'describe what the tool does in at least 10 characters').max(1000),
  parameters: toolParametersSchema,
  url: webhookUrl,
  /** Sent as a request header on every call (e.g. Authorization: Bearer …). Stored; never sent back to the browser in full. */
  secretHeader: z
    .object({
      name: z.string().regex(HEADER_NAME, 'a header name is letters, digits and - (e.g. X-Api-Key)'),
      value: plainText().min(1, 'enter the secret').max(1000),
    })
    .nullable()
    .default(null),
  timeoutMs: z.number().int().min(WEBHOOK_TIMEOUT_MS.min, `at least ${WEBHOOK_TIMEOUT_MS.min} ms`).max(WEBHOOK_TIMEOUT_MS.max, `at most ${WEBHOOK_TIMEOUT_MS.max} ms`).default(WEBHOOK_TIMEOUT_MS.default),
});
export type WebhookTool = z.infer<typeof webhookToolSchema>;

// ---- the stored agent -------------------------------------------------------------------------

const studioToolsSchema = z
  .object({
    builtins: z.array(z.enum(BUILTIN_TOOL_NAMES)).max(BUILTIN_TOOL_NAMES.length).default([]),
    webhooks: z.array(webhookToolSchema).max(20, 'at most 20 webhook tools').default([]),
  })
  .superRefine((tools, ctx) => {
    const seen = new Set<string>(tools.builtins);
    if (seen.size !== tools.builtins.length) ctx.addIssue({ code: 'custom', path: ['builtins'], message: 'a built-in tool is listed twice' });
    tools.webhooks.forEach((w, i) => {
      if (seen.has(w.name)) ctx.addIssue({ code: 'custom', path: ['webhooks', i, 'name'], message: `another tool is already called ${w.name}` });
      seen.add(w.name);
    });
  });

export const studioAgentConfigSchema = agentCoreSchema.extend({
  /** What the agent says first when a call connects. */
  greeting: plainText().trim().min(1, 'enter what the agent says first').max(500),
  tools: studioToolsSchema,
  /** Where transfer_to_human dials on a phone call (E.164); without it the agent cannot transfer. */
  transferNumber: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +14155550100')
    .nullable()
    .default(null),
});
export type StudioAgentConfig = z.infer<typeof studioAgentConfigSchema>;
export type StudioAgentConfigInput = z.input<typeof studioAgentConfigSchema>;

export function defineStudioAgent(config: StudioAgentConfigInput): StudioAgentConfig {
  return studioAgentConfigSchema.parse(config);
}

// ---- phone numbers ----------------------------------------------------------------------------

/** E.164: +, a country code that does not start with 0, at most 15 digits in all. */
export const e164Schema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'enter the number in E.164 form: + and country code, e.g. +14155550123'));
