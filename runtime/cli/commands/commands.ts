import type { Command } from 'commander';
import { loadConnector } from '../../connector.js';
import { EXIT } from '../usage.js';
import { formatCommand } from '../view/command-list.js';
import { findCommand } from './run-inputs.js';

interface CommandsOptions {
  json?: boolean;
}

export function registerCommands(program: Command): void {
  program
    .command('commands')
    .description(
      'list the commands with their inputs (required first), API versions and an example',
    )
    .argument('[command]', 'show only this command')
    .option('--json', 'print the command descriptions as JSON')
    .action(async (name: string | undefined, options: CommandsOptions) => {
      const connector = await loadConnector();
      const infos = name === undefined ? connector.commands : [findCommand(connector, name)];

      const output =
        options.json === true
          ? `${JSON.stringify(infos, null, 2)}\n`
          : `${infos.map(formatCommand).join('\n\n')}\n`;
      process.stdout.write(output);
      process.exitCode = EXIT.successful;
    });
}
