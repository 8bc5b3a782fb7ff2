/**
 * For the Redis tests: a real redis-server (Debian's, from PATH; .ci/run
 * installs it) on a free port, nothing saved to disk, and workshop server
 * processes (src/server/main.ts under tsx) started on it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './helpers.ts';

export interface Spawned {
  port: number;
  url: string;
  process: ChildProcess;
  /** What it printed, stdout and stderr together. */
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const project = fileURLToPath(new URL('../../../', import.meta.url));

function started(child: ChildProcess, port: number, url: string): Spawned {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    port,
    url,
    process: child,
    output: () => output,
    /** The signal, then SIGKILL if it has not gone in 5 s: a test never leaves a server behind. */
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const late = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(late);
    },
  };
}

/** Resolves once redis-server says it is ready; rejects clearly when there is none to run. */
export async function startRedis(): Promise<Spawned> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const redis = started(child, port, `redis://127.0.0.1:${port}`);
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`redis-server not ready in 15 s:\n${redis.output()}`));
    }, 15_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(new Error(`redis-server could not be started (${error.message}): install Debian's redis-server (.ci/run does)`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`redis-server exited (${code}):\n${redis.output()}`));
    });
    child.stdout?.on('data', () => {
      if (redis.output().includes('Ready to accept connections')) {
        clearTimeout(timer);
        done();
      }
    });
  });
  return redis;
}

/** One workshop server process on this Redis, its own port and public address; resolves once /health answers. */
export async function startWorkshopProcess(redisUrl: string, dataDir: string): Promise<Spawned> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: project,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKSHOP_REDIS_URL: redisUrl,
      WORKSHOP_PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      WORKSHOP_DATA_DIR: dataDir,
      // Colyseus's health check (2 s by default): a live process starved of CPU on a busy test machine must not be taken for dead.
      COLYSEUS_PRESENCE_SHORT_TIMEOUT: '4000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = started(child, port, `http://127.0.0.1:${port}`);
  // A cold tsx start on a loaded 2-core machine takes seconds: wait for the process to answer, not a fixed time.
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`workshop server exited (${child.exitCode}):\n${server.output()}`);
    try {
      if ((await fetch(`${server.url}/health`)).status === 200) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop('SIGKILL');
      throw new Error(`workshop server not ready in 30 s:\n${server.output()}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}
