import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConnector } from '../../connector.js';
import { PlaybookError } from '../../playbook/parse.js';
import { formatStep, formatSummary } from '../../playbook/report.js';
import { runPlaybook } from '../../playbook/run.js';
import type { PlaybookSummary } from '../../playbook/types.js';
import { openConnection, withConnectionOptions, type ConnectionOptions } from '../connection.js';
import { cliLogger } from '../logger.js';
import { EXIT, readJsonFile, UsageError } from '../usage.js';

interface PlaybookOptions extends ConnectionOptions {
  summary?: string;
}

const FORMAT = `
A playbook is JSON: { "name", "steps": [{ "id", "command", "inputs": {...},
"forEach"?: "<JSONPath>", "onFailure": "stop" | "continue" }] }. An input value
"{{ $.steps.<id>.rawData... }}" takes a value from an earlier step's envelope; in a
forEach step "{{ $.item }}" is the current element and "{{ $.index }}" its position.

Exit codes: 0 every step successful, 1 a step failed, 2 usage error.`;

export function registerPlaybook(program: Command): void {
  const command = program
    .command('playbook')
    .description('run a JSON playbook of command steps and summarise each outcome')
    .argument('<file>', 'the playbook JSON file')
    .option('--summary <file>', 'write the summary as JSON to this file')
    .addHelpText('after', FORMAT);

  withConnectionOptions(command).action(async (file: string, options: PlaybookOptions) => {
    const playbook = await readJsonFile(file, 'playbook');
    const opened = await openConnection(options);
    try {
      const summary = await runPlaybookFile(playbook, opened.connection);
      if (options.summary !== undefined) await writeSummary(options.summary, summary);
      process.exitCode = summary.outcome === 'Passed' ? EXIT.successful : EXIT.failed;
    } finally {
      await opened.close();
    }
  });
}

/** Runs a playbook, printing each step as it finishes and the summary line at the end. */
export async function runPlaybookFile(
  playbook: unknown,
  connection: unknown,
): Promise<PlaybookSummary> {
  const connector = await loadConnector();
  try {
    const { summary } = await runPlaybook(playbook, {
      connector,
      connection,
      executeOptions: { logger: cliLogger() },
      onStep: (step) => process.stdout.write(`${formatStep(step)}\n`),
    });
    process.stdout.write(`\n${formatSummary(summary)}\n`);
    return summary;
  } catch (error) {
    if (error instanceof PlaybookError) throw new UsageError(error.message);
    throw error;
  }
}

export async function writeSummary(path: string, summary: PlaybookSummary): Promise<void> {
  await writeFile(path, `${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write(`Summary written to ${path}.\n`);
}
