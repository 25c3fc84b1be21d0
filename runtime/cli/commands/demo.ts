import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConnector } from '../../connector.js';
import { packageRoot } from '../../manifest/locate.js';
import { formatStep, formatSummary } from '../../playbook/report.js';
import { runPlaybook } from '../../playbook/run.js';
import { cliLogger } from '../logger.js';
import { EXIT, readJsonFile } from '../usage.js';
import { describeFindings } from './demo-findings.js';
import { writeSummary } from './playbook.js';

interface DemoOptions {
  summary?: string;
}

/** The bundled walkthrough that `npm start` runs. */
export function demoPlaybookPath(): string {
  return join(packageRoot(), 'playbooks', 'demo.json');
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('start the built-in emulator and run the analyst walkthrough playbook against it')
    .option('--summary <file>', 'also write the playbook summary as JSON to this file')
    .action(async (options: DemoOptions) => {
      const playbook = await readJsonFile(demoPlaybookPath(), 'The demo playbook');
      const connector = await loadConnector();
      const { startEmulator } = await import('../../../emulator/index.js');
      const emulator = await startEmulator({});

      try {
        process.stdout.write(
          `SecurityTrails connector demo against the built-in emulator at ${emulator.url} ` +
            `(API Version v2)\nPlaybook: ${demoPlaybookPath()}\n\n`,
        );
        const { summary, outputs } = await runPlaybook(playbook, {
          connector,
          connection: { serverUrl: emulator.url, apiKey: emulator.apiKey, apiVersion: 'v2' },
          executeOptions: { logger: cliLogger() },
          onStep: (step) => process.stdout.write(`${formatStep(step)}\n`),
        });

        const findings = describeFindings(outputs);
        if (findings.length > 0)
          process.stdout.write(`\nWhat the analyst learned\n${findings.join('\n')}\n`);
        process.stdout.write(`\n${formatSummary(summary)}\n`);
        if (options.summary !== undefined) await writeSummary(options.summary, summary);
        process.exitCode = summary.outcome === 'Passed' ? EXIT.successful : EXIT.failed;
      } finally {
        await emulator.stop();
      }
    });
}
