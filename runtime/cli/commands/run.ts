import { Option, type Command } from 'commander';
import { loadConnector } from '../../connector.js';
import type { DateOrder } from '../../types.js';
import { openConnection, withConnectionOptions, type ConnectionOptions } from '../connection.js';
import { cliLogger } from '../logger.js';
import { EXIT } from '../usage.js';
import { progressReporter } from '../view/progress.js';
import { formatTestResult } from '../view/test-result.js';
import { checkInputNames, collect, findCommand, gatherInputs } from './run-inputs.js';

interface RunOptions extends ConnectionOptions {
  input?: string[];
  inputs?: string;
  json?: boolean;
  dateOrder: DateOrder;
}

const EXAMPLES = `
Examples:
  $ soar-connector run "Test Connection"
  $ soar-connector run "Find Assets" --input "Project ID=c797...dc4f" --input "Limit=10"
  $ soar-connector run "Get Asset Details" --inputs inputs.json --json

Exit codes: 0 Successful, 1 Failed, 2 usage error.`;

export function registerRun(program: Command): void {
  const command = program
    .command('run')
    .description('run one command and show its Test Result (Return Data, Raw Data, Error)')
    .argument('<command>', 'the command display name, e.g. "Find Assets"')
    .option(
      '-i, --input <Name=value>',
      'an input by its display name; repeat for more',
      collect,
      [],
    )
    .option('--inputs <file>', 'a JSON object of inputs; --input values override it')
    .addOption(
      new Option('--date-order <order>', 'how to read ambiguous dates such as 03/01/2023')
        .choices(['MDY', 'DMY'])
        .default('MDY'),
    )
    .option('--json', 'print the result envelope alone, as JSON')
    .addHelpText('after', EXAMPLES);

  withConnectionOptions(command).action(async (name: string, options: RunOptions) => {
    process.exitCode = await runCommand(name, options);
  });
}

async function runCommand(name: string, options: RunOptions): Promise<number> {
  const connector = await loadConnector();
  const info = findCommand(connector, name);
  const inputs = await gatherInputs(options.input ?? [], options.inputs);
  checkInputNames(info, inputs);

  const opened = await openConnection(options);
  const progress = progressReporter(process.stderr);
  try {
    const envelope = await connector.execute(info.name, inputs, opened.connection, {
      dateOrder: options.dateOrder,
      logger: cliLogger(),
      ...(progress.onProgress && { onProgress: progress.onProgress }),
    });
    progress.done();

    const output =
      options.json === true ? `${JSON.stringify(envelope, null, 2)}\n` : formatTestResult(envelope);
    process.stdout.write(output);
    return envelope.returnData === 'Successful' ? EXIT.successful : EXIT.failed;
  } finally {
    await opened.close();
  }
}
