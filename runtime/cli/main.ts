#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/commands.js';
import { registerDemo } from './commands/demo.js';
import { registerEmulator } from './commands/emulator.js';
import { registerFetch } from './commands/fetch.js';
import { registerHealthCheck } from './commands/health-check.js';
import { registerPlaybook } from './commands/playbook.js';
import { registerRun } from './commands/run.js';
import { registerSchedule } from './commands/schedule.js';
import { registerWorker } from './commands/worker.js';
import { EXIT, UsageError } from './usage.js';

const program = new Command('soar-connector')
  .description(
    'Run the Recorded Future SecurityTrails connector: test commands, health checks, playbooks',
  )
  .exitOverride()
  .showHelpAfterError('(add --help for usage)');

registerCommands(program);
registerRun(program);
registerFetch(program);
registerHealthCheck(program);
registerPlaybook(program);
registerWorker(program);
registerSchedule(program);
registerEmulator(program);
registerDemo(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
}

/** Commander has printed its own errors; ours are printed here without a stack trace. */
function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.successful : EXIT.usage;
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.failed;
}
