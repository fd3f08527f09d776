/**
 * The app's one server process (started by scripts/run.ts for `npm run dev` / `npm start`):
 * Next.js through its custom-server API, plus the phone line's Media Streams WebSocket on /call,
 * which Next's route handlers cannot take (they cannot upgrade). Every other request and every
 * other upgrade (dev HMR included) goes to Next. Usage: app-server.ts dev|start --hostname H --port P
 */
import { createServer } from 'node:http';
import nextEnv from '@next/env';
import next from 'next';
import { parseEnv } from '@/lib/server/env-schema';
import { appPhoneDeps } from '@/lib/server/phone/app-deps';
import { createPhoneGateway } from '@/lib/server/phone/gateway';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dev = process.argv[2] !== 'start';
  const hostname = flag('--hostname') ?? '127.0.0.1';
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => undefined, error: console.error });
  const env = parseEnv(process.env);
  const port = Number(flag('--port')) || env.PORT;
  // Next's request handler attaches its own 'upgrade' listener (HMR in dev) to `httpServer`, or else to the server a
  // request came on, where it would also see /call. Give it a server of its own that never listens: the real
  // server's one upgrade listener below passes it every upgrade that is not /call.
  const nextUpgrades = createServer();
  const app = next({ dev, hostname, port, dir: process.cwd(), httpServer: nextUpgrades });
  const handle = app.getRequestHandler();
  await app.prepare();
  const gateway = createPhoneGateway({ env, deps: appPhoneDeps(env, (line) => console.log(`[phone] ${line}`)) });
  const server = createServer((req, res) => void handle(req, res));
  server.on('upgrade', (req, socket, head) => {
    if (gateway.handles(req)) return gateway.handleUpgrade(req, socket, head);
    // Next attaches its listener on its first request; an upgrade before any request (a stale dev tab's HMR) is
    // dropped, and its client reconnects.
    if (nextUpgrades.listenerCount('upgrade') === 0) return void socket.destroy();
    nextUpgrades.emit('upgrade', req, socket, head);
  });
  server.listen(port, hostname, () => {
    console.log(`> Ready on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port} (phone line: /twiml, /call)`);
    if (!env.TWILIO_AUTH_TOKEN || !env.CUE_PUBLIC_URL) console.log('[phone] Twilio calls are refused until TWILIO_AUTH_TOKEN and CUE_PUBLIC_URL are set; the phone simulator works.');
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void gateway
      .close()
      .catch(() => undefined)
      .finally(() => {
        server.close();
        void app.close().finally(() => process.exit(0));
        setTimeout(() => process.exit(0), 3000).unref();
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
