import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Keep a child process running: when it dies unexpectedly, start it again after a backoff
 * that doubles per quick death (minBackoffMs .. maxBackoffMs) and resets once a run lasted
 * healthyAfterMs. Every exit and restart is logged. stop() ends it for good.
 */
export type SupervisorOptions = {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  healthyAfterMs?: number;
  /** Every start (with the child's pid) and every unexpected exit. */
  onEvent?: (event: { type: 'started'; pid: number } | { type: 'exited'; code: number | null; signal: string | null; restartInMs: number }) => void;
};

export type Supervisor = { pid(): number | undefined; restarts(): number; stop(signal?: NodeJS.Signals): Promise<void> };

export function supervise(opts: SupervisorOptions): Supervisor {
  const log = opts.log ?? ((line) => console.log(line));
  const min = opts.minBackoffMs ?? 500;
  const max = opts.maxBackoffMs ?? 10_000;
  const healthyAfter = opts.healthyAfterMs ?? 30_000;
  let child: ChildProcess | undefined;
  let stopped = false;
  let backoff = min;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = () => {
    const startedAt = Date.now();
    const c = spawn(opts.command, opts.args, { stdio: 'inherit', env: opts.env ?? process.env });
    child = c;
    exited = new Promise<void>((resolve) => {
      c.once('exit', (code, signal) => {
        resolve();
        if (stopped) return;
        if (Date.now() - startedAt >= healthyAfter) backoff = min;
        const wait = backoff;
        backoff = Math.min(max, backoff * 2);
        restarts += 1;
        log(`[${opts.name}] stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); restarting in ${wait} ms`);
        opts.onEvent?.({ type: 'exited', code, signal, restartInMs: wait });
        timer = setTimeout(start, wait);
      });
    });
    c.once('error', (error) => log(`[${opts.name}] could not start: ${error.message}`));
    if (c.pid !== undefined) opts.onEvent?.({ type: 'started', pid: c.pid });
  };
  start();

  return {
    pid: () => child?.pid,
    restarts: () => restarts,
    async stop(signal = 'SIGTERM') {
      stopped = true;
      clearTimeout(timer);
      if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
