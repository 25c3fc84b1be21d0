import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The package root: the nearest folder above this file that holds the manifest. */
export function packageRoot(): string {
  let folder = here;
  for (;;) {
    if (existsSync(join(folder, 'connector.manifest.json'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error('connector.manifest.json not found above ' + here);
    folder = parent;
  }
}

/** The handler folder next to this runtime: `commands/` in source, `dist/commands/` when built. */
export function defaultCommandsDir(): string {
  return resolve(here, '../../commands');
}

/** Handler files are TypeScript when the runtime runs from source, JavaScript when built. */
export const handlerExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
