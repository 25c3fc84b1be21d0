import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, MAIN, ROOT } from '../../cli/cli.js';

export interface SpawnedWorker {
  child: ChildProcess;
  name: string;
  /** Everything the worker wrote to stderr so far. */
  stderr: () => string;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the built CLI's worker and resolves once it consumes the queues. */
export async function startWorker(
  name: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<SpawnedWorker> {
  const child = spawn(process.execPath, [MAIN, 'worker', '--name', name, ...args], {
    cwd: ROOT,
    env: cleanEnv(env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (stderr.includes('consuming executions')) resolve();
    };
    child.stderr?.on('data', check);
    child.once('exit', (code) => reject(new Error(`worker ${name} exited (${code}): ${stderr}`)));
  });
  return {
    child,
    name,
    stderr: () => stderr,
    stop: () => {
      if (child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve(child.exitCode);
      child.kill('SIGTERM');
      return exitOf(child);
    },
  };
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Writes a connections file into `dir` and returns its path. */
export function connectionsFile(dir: string, connections: unknown[]): string {
  const path = join(dir, 'connections.json');
  writeFileSync(path, JSON.stringify({ connections }, null, 2));
  return path;
}

/** Polls a condition that other processes make true; fails with `describe()` if they never do. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  describe: () => string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting: ${describe()}`);
}
