/**
 * `npm run dev` / `npm start`: one command, one Ctrl-C. Applies database
 * migrations, starts the local realtime engine when no OpenAI key is set
 * (or CUE_REALTIME_BACKEND=local), then runs Next.js with the same settings.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseEnv, realtimeBackend } from '@/lib/server/env-schema';
import { startEngine } from '@/lib/engine/server';
import { speechLogLine } from '@/lib/engine/speech/capabilities';

const mode = process.argv[2] === 'start' ? 'start' : 'dev';

async function migrate(): Promise<void> {
  if (!existsSync('scripts/migrate.ts')) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], { stdio: 'inherit', env: process.env });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrations failed (exit ${code})`))));
  });
}

async function main(): Promise<void> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  childEnv.CUE_ENGINE_SECRET ||= randomBytes(32).toString('base64url');
  const env = parseEnv(childEnv);
  await migrate();

  let engine: Awaited<ReturnType<typeof startEngine>> | undefined;
  if (realtimeBackend(env) === 'local') {
    const engineUrl = new URL(env.CUE_ENGINE_URL);
    const ownsEngine = ['127.0.0.1', 'localhost', '[::1]'].includes(engineUrl.hostname) && Number(engineUrl.port) === env.CUE_ENGINE_PORT;
    if (ownsEngine) {
      engine = await startEngine({
        host: env.CUE_ENGINE_HOST,
        port: env.CUE_ENGINE_PORT,
        secret: env.CUE_ENGINE_SECRET!,
        testControls: env.CUE_ENGINE_TEST_CONTROLS,
      });
      console.log(`Local realtime engine (scripted, no AI) on ${engine.url}${env.CUE_ENGINE_TEST_CONTROLS ? ' with test controls' : ''}`);
      console.log(`Local engine ${speechLogLine(engine.speech)}`);
    } else {
      console.log(`Using the local realtime engine at ${env.CUE_ENGINE_URL} (started elsewhere)`);
    }
  } else {
    console.log('Realtime backend: OpenAI (OPENAI_API_KEY is set)');
  }

  const nextBin = 'node_modules/next/dist/bin/next';
  const args = [nextBin, mode, ...process.argv.slice(3)];
  // `next start` listens on every interface unless told; HOSTNAME=127.0.0.1 must mean loopback only. Only an
  // address or "localhost" counts: container runtimes export HOSTNAME as the machine's name.
  const host = process.env.HOSTNAME?.trim() ?? '';
  const isAddress = /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[?[0-9a-f]*:[0-9a-f:]*\]?)$/i.test(host);
  if (mode === 'start' && isAddress && !args.some((a) => a === '-H' || a === '--hostname' || a.startsWith('--hostname='))) args.push('--hostname', host);
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: childEnv });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  child.on('exit', async (code) => {
    await engine?.close().catch(() => undefined);
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
