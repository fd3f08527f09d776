/**
 * `npm run engine`: Cue's local realtime engine on its own (scripted replies,
 * no AI, no OpenAI key needed). Reads CUE_ENGINE_HOST, CUE_ENGINE_PORT,
 * CUE_ENGINE_SECRET (required: the app signs client tokens with it) and
 * CUE_ENGINE_TEST_CONTROLS and CUE_ALLOWED_ORIGINS (browser origins allowed to connect;
 * unset: any loopback origin). scripts/run.ts runs it as a supervised child. Ctrl-C stops it cleanly.
 */
import { parseEnv } from '@/lib/server/env-schema';
import { startEngine } from '@/lib/engine/server';
import { speechLogLine } from '@/lib/engine/speech/capabilities';

async function main(): Promise<number> {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (!env.CUE_ENGINE_SECRET) {
    console.error(
      'CUE_ENGINE_SECRET is not set. The engine only accepts tokens signed with it, so the app and the engine must share it.\n' +
        'Set the same value for both, e.g.  CUE_ENGINE_SECRET=$(openssl rand -base64 32) npm run engine',
    );
    return 1;
  }
  const engine = await startEngine({
    host: env.CUE_ENGINE_HOST,
    port: env.CUE_ENGINE_PORT,
    secret: env.CUE_ENGINE_SECRET,
    testControls: env.CUE_ENGINE_TEST_CONTROLS,
    allowedOrigins: env.CUE_ALLOWED_ORIGINS ? env.CUE_ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : 'loopback',
    log: (line) => console.log(`[engine] ${line}`),
  });
  console.log(`Local realtime engine listening on ${engine.url}${env.CUE_ENGINE_TEST_CONTROLS ? ' (test controls on /__test, loopback only)' : ''}`);
  console.log(`Local engine ${speechLogLine(engine.speech)}`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void engine.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const err = error as NodeJS.ErrnoException;
    console.error(err?.code === 'EADDRINUSE' ? `Port in use: ${err.message}. Set CUE_ENGINE_PORT to a free port.` : (err?.message ?? String(error)));
    process.exit(1);
  },
);
