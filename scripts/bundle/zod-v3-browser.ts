/**
 * What the browser bundle gets for `zod/v3` (a browser-only alias in next.config.ts).
 * The app is on zod 4; the only importer of `zod/v3` in the client graph is the
 * zod-to-json-schema copy inside `openai/helpers/zod` (reached through the realtime SDK's
 * tool helper), which needs nothing but this enum of zod 3 type names to tell schema
 * kinds apart. Its zod 3 branch never runs for zod 4 schemas, so the ~45 kB zod 3 runtime
 * stays out of the client. zod-v3-browser.test.ts pins this copy to zod's own.
 */
const KINDS = [
  'ZodString',
  'ZodNumber',
  'ZodNaN',
  'ZodBigInt',
  'ZodBoolean',
  'ZodDate',
  'ZodSymbol',
  'ZodUndefined',
  'ZodNull',
  'ZodAny',
  'ZodUnknown',
  'ZodNever',
  'ZodVoid',
  'ZodArray',
  'ZodObject',
  'ZodUnion',
  'ZodDiscriminatedUnion',
  'ZodIntersection',
  'ZodTuple',
  'ZodRecord',
  'ZodMap',
  'ZodSet',
  'ZodFunction',
  'ZodLazy',
  'ZodLiteral',
  'ZodEnum',
  'ZodEffects',
  'ZodNativeEnum',
  'ZodOptional',
  'ZodNullable',
  'ZodDefault',
  'ZodCatch',
  'ZodPromise',
  'ZodBranded',
  'ZodPipeline',
  'ZodReadonly',
] as const;

type Kind = (typeof KINDS)[number];

export const ZodFirstPartyTypeKind = Object.freeze(Object.fromEntries(KINDS.map((k) => [k, k])) as { readonly [K in Kind]: K });
