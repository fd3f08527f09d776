/**
 * Everything a connection runs that the page does not need before one: the realtime SDK
 * and the zod schema the minted secret is checked with. Only ever loaded through
 * `loadRealtimeSdk()` (sdk-loader.ts), a dynamic `import()`: its own chunk, fetched while
 * the user reads the page, not part of first load. Import types from
 * '@openai/agents-realtime' freely (`import type` is erased); import values from here,
 * via the loader, never statically.
 */
export { backgroundResult, OpenAIRealtimeWebRTC, RealtimeAgent, RealtimeSession, tool } from '@openai/agents-realtime';
export { CueWebRTCTransport } from './webrtc-transport';
export { CueWebSocketTransport } from './websocket-transport';
export { mintedSecretSchema } from '@/lib/contracts/minted-secret';
