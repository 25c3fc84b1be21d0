import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { cleanEnv } from './cli.js';

/** One emulator for the test file, and the environment that points the CLI at it. */
export function useEmulator(): {
  emulator(): RunningEmulator;
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
} {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator({ seed: 7 });
  });
  afterAll(async () => {
    await running?.stop();
  });

  const emulator = () => {
    if (running === undefined) throw new Error('the emulator has not started');
    return running;
  };
  return {
    emulator,
    env: (extra = {}) =>
      cleanEnv({
        SECURITYTRAILS_SERVER_URL: emulator().url,
        SECURITYTRAILS_API_KEY: emulator().apiKey,
        SECURITYTRAILS_API_VERSION: 'v2',
        ...extra,
      }),
  };
}
