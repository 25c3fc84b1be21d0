import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..', '..');
const SOURCES = ['runtime', 'commands', 'emulator', 'bench'];
const BUILT = join(root, 'dist', 'runtime', 'cli', 'main.js');

/**
 * The CLI tests spawn the built binary, as a user runs it. The build runs once per test run, and
 * only when a source file is newer than the built CLI, so runs without changes start at once.
 */
export default async function buildOnce(): Promise<void> {
  if (existsSync(BUILT) && newestSource() <= statSync(BUILT).mtimeMs) return;

  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root });
  } catch (error) {
    // tsc still emits on type errors; those fail the typecheck step, and the tests run on the output.
    if (!existsSync(BUILT)) throw error;
    const { stdout } = error as { stdout?: string };
    process.stderr.write(`The build reported type errors:\n${stdout ?? ''}\n`);
  }
  const generate = join(root, 'dist', 'runtime', 'manifest', 'generate-validators.js');
  await promisify(execFile)(process.execPath, [generate], { cwd: root });
}

function newestSource(): number {
  let newest = 0;
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const folder of SOURCES) if (existsSync(join(root, folder))) visit(join(root, folder));
  return newest;
}
