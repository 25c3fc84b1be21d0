import type { Command } from 'commander';
import { integerOption } from '../options.js';
import { waitForShutdown } from '../signals.js';
import { EXIT } from '../usage.js';

interface EmulatorOptions {
  port: number;
  seed?: number;
  assets?: number;
}

export function registerEmulator(program: Command): void {
  program
    .command('emulator')
    .description('start the SecurityTrails API emulator on loopback until SIGINT or SIGTERM')
    .option('--port <n>', 'port to listen on; 0 picks a free one', integerOption(0, 65535), 0)
    .option(
      '--seed <n>',
      'seed of the synthetic data; the same seed gives the same data',
      integerOption(0, 2 ** 31 - 1),
    )
    .option('--assets <n>', 'number of assets per project', integerOption(1, 1_000_000))
    .action(async (options: EmulatorOptions) => {
      const { startEmulator } = await import('../../../emulator/index.js');
      const emulator = await startEmulator({
        port: options.port,
        ...(options.seed !== undefined && { seed: options.seed }),
        ...(options.assets !== undefined && { assetsPerProject: options.assets }),
      });

      process.stdout.write(
        [
          `SecurityTrails emulator listening at ${emulator.url}`,
          `API key: ${emulator.apiKey}`,
          `Projects: ${emulator.projectIds.join(', ')}`,
          '',
          'Use it from another shell:',
          `  export SECURITYTRAILS_SERVER_URL=${emulator.url}`,
          `  export SECURITYTRAILS_API_KEY=${emulator.apiKey}`,
          '  export SECURITYTRAILS_API_VERSION=v2',
          '',
          'Press Ctrl+C to stop.',
          '',
        ].join('\n'),
      );

      const signal = await waitForShutdown();
      await emulator.stop();
      process.stderr.write(`Emulator stopped (${signal}).\n`);
      process.exitCode = EXIT.successful;
    });
}
