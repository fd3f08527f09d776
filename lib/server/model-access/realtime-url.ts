/**
 * Where the browser connects to OpenAI's realtime API, from the same configuration that
 * decides where secrets are minted: `CUE_REALTIME_URL` when set, else `${OPENAI_BASE_URL}/realtime`.
 * A proxy or a recorded API configured through OPENAI_BASE_URL thus receives the browser's
 * connection too, not only the mint.
 *  - WebRTC: the SDP offer goes to `<realtime>/calls` (http(s)).
 *  - WebSocket: `ws(s)://<host><path>?model=<model>` (the SDK adds no model to a given URL).
 */
export type RealtimeUrlInput = {
  baseUrl: string;
  realtimeUrl?: string;
  transport: 'webrtc' | 'websocket';
  model: string;
};

const HTTP_FOR: Record<string, string> = { 'wss:': 'https:', 'ws:': 'http:', 'https:': 'https:', 'http:': 'http:' };
const WS_FOR: Record<string, string> = { 'https:': 'wss:', 'http:': 'ws:', 'wss:': 'wss:', 'ws:': 'ws:' };

function realtimeRoot({ baseUrl, realtimeUrl }: Pick<RealtimeUrlInput, 'baseUrl' | 'realtimeUrl'>): URL {
  const root = new URL(realtimeUrl ?? `${baseUrl.replace(/\/+$/, '')}/realtime`);
  root.pathname = root.pathname.replace(/\/+$/, '');
  root.search = '';
  root.hash = '';
  return root;
}

export function realtimeConnectUrl(input: RealtimeUrlInput): string {
  const url = realtimeRoot(input);
  const protocols = input.transport === 'webrtc' ? HTTP_FOR : WS_FOR;
  const protocol = protocols[url.protocol];
  if (!protocol) throw new Error(`Unsupported realtime URL protocol ${url.protocol} (use http(s) or ws(s))`);
  url.protocol = protocol;
  if (input.transport === 'webrtc') url.pathname = `${url.pathname}/calls`;
  else url.searchParams.set('model', input.model);
  return url.toString();
}
