/**
 * What a practice call needs once it connects and not before: the persona's agent config
 * (validated with zod, with the tag_turn tool's zod schema) and that schema to check each
 * tag with. Loaded on demand through `loadCallRuntime()` (call-runtime-loader.ts), so zod
 * and the agent configs are not on the call page's first load.
 */
export { buildRoleplayAgentConfig } from '@/agents/roleplay-client';
export { tagTurnParametersSchema } from '@/lib/contracts/turn-tag';
