import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../runtime/manifest/locate.js';
import { interleave, median, result, type BenchResult } from '../harness.js';

/** `soar-connector commands` as a whole process against `node -e 0`, interleaved. */
export async function cliColdStart(): Promise<BenchResult[]> {
  const cli = join(packageRoot(), 'dist', 'runtime', 'cli', 'main.js');
  const run = (args: string[]) => () => {
    const outcome = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (outcome.status !== 0) throw new Error(`node ${args.join(' ')} exited ${outcome.status}`);
  };

  const samples = await interleave(
    [
      { name: 'cli', run: run([cli, 'commands']) },
      { name: 'node', run: run(['-e', '0']) },
    ],
    { warmup: 2, rounds: 15 },
  );
  const cliMs = median(samples.get('cli') ?? []);
  const nodeMs = median(samples.get('node') ?? []);
  return [
    result('cli-cold-start', 'ms (median)', cliMs, nodeMs, 'soar-connector commands vs node -e 0'),
  ];
}
