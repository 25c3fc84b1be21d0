import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConnector } from '../../connector.js';
import { isConnectorError } from '../../errors/connector-error.js';
import { parseDateTime } from '../../inputs/dates.js';
import { FileOutput, StreamOutput, type IntakeOutput } from '../../intake/output.js';
import { runIntake, type IntakeOptions, type IntakeRun } from '../../intake/intake.js';
import { runIntakeEvery } from '../../intake/schedule.js';
import { openBackend, type Backend } from '../../scale/backend.js';
import { openConnection, withConnectionOptions, type ConnectionOptions } from '../connection.js';
import { cliLogger } from '../logger.js';
import { minutesOption } from '../options.js';
import { waitForShutdown } from '../signals.js';
import { EXIT, UsageError } from '../usage.js';
import { DEFAULT_RATE_PER_SECOND, rateOption, rateWithRedis, withRedis } from './scale-options.js';

interface FetchOptions extends ConnectionOptions {
  project: string;
  state?: string;
  every?: number;
  output?: string;
  start?: string;
  redis?: string;
  rate?: number;
}

const EXAMPLES = `
Examples:
  $ soar-connector fetch --project c797...dc4f --state fetch-state.json --output issues.jsonl
  $ soar-connector fetch --project c797...dc4f --every 60 --output issues.jsonl

Each run writes one JSON line per event and per incident ({"type", "unique_key", "fields"}),
then saves the fetch state. With --output FILE a run that stopped between the two does not
write its lines again; on standard output it may.

Exit codes: 0 Successful, 1 Failed, 2 usage error.`;

export function registerFetch(program: Command): void {
  const command = program
    .command('fetch')
    .description(
      'ingest hosts with risk-issue updates as events and incidents, keeping the fetch state',
    )
    .requiredOption('--project <id>', 'the project ID (see List Projects)')
    .option('--state <file>', 'the fetch state file; default .state/fetch-incident-<project>.json')
    .option('--every <minutes>', 'run again this many minutes after each run ends', minutesOption)
    .option('--output <file>', 'append the JSON lines to this file instead of standard output')
    .option(
      '--start <time>',
      'Start Time of the first run, when there is no state; default 24 h ago',
    )
    .option('--redis <url>', 'keep the fetch state in this Redis, shared with workers, not a file')
    .option(
      '--rate <n>',
      `with --redis: requests per second per API key, shared with workers; ` +
        `default ${DEFAULT_RATE_PER_SECOND}, 0 for no limit`,
      rateOption,
    )
    .addHelpText('after', EXAMPLES);

  withConnectionOptions(command).action(async (options: FetchOptions) => {
    process.exitCode = await fetchCommand(options);
  });
}

async function fetchCommand(options: FetchOptions): Promise<number> {
  if (options.start !== undefined && !parseDateTime(options.start).ok) {
    throw new UsageError(`--start "${options.start}" is not a date-time; e.g. 2024-07-01 00:00.`);
  }
  const rate = rateWithRedis(options);
  const backend = await withRedis(() => openBackend(options.redis));
  try {
    const lock = await backend.lockProject(options.project, `cli:${process.pid}`);
    if (lock === undefined) {
      process.stderr.write(
        `Project ${options.project} is being fetched by another process ` +
          `(${backend.description}); try again when it is done.\n`,
      );
      return EXIT.failed;
    }
    try {
      return await fetchWith(backend, rate, options);
    } finally {
      await lock.release();
    }
  } finally {
    await backend.close();
  }
}

async function fetchWith(backend: Backend, rate: number, options: FetchOptions): Promise<number> {
  const connector = await loadConnector();
  const opened = await openConnection(options);
  const logger = cliLogger();
  const beforeRequest = await backend.requestThrottle(opened.connection, rate);
  const intake: IntakeOptions = {
    connector,
    connection: opened.connection,
    projectId: options.project,
    store: backend.fetchState(options.state ?? defaultStatePath(options.project)),
    output: outputOf(options.output),
    logger,
    executeOptions: { logger, ...(beforeRequest && { beforeRequest }) },
    ...(options.start !== undefined && { startTime: options.start }),
  };

  try {
    if (options.every === undefined) return report(await runIntake(intake));
    await runScheduled(intake, options.every);
    return EXIT.successful;
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    process.stderr.write(`Fetch stopped: ${error.message}\n`);
    return EXIT.failed;
  } finally {
    await opened.close();
  }
}

async function runScheduled(intake: IntakeOptions, minutes: number): Promise<void> {
  const controller = new AbortController();
  void waitForShutdown().then((signal) => {
    process.stderr.write(`${signal} received: stopping after the current run.\n`);
    controller.abort();
  });
  await runIntakeEvery({
    ...intake,
    everyMs: minutes * 60_000,
    signal: controller.signal,
    onRun: report,
  });
}

function report(run: IntakeRun): number {
  for (const warning of run.warnings) process.stderr.write(`Warning: ${warning}\n`);
  if (run.returnData === 'Failed') {
    const error = run.error;
    process.stderr.write(
      `Fetch Incident failed (${error?.code ?? 'unknown'}, status ${error?.statusCode ?? 'none'}): ` +
        `${error?.message ?? ''} The state was kept; the next run fetches the same window.\n`,
    );
    return EXIT.failed;
  }
  const skipped = run.skipped > 0 ? `, ${run.skipped} already written` : '';
  process.stderr.write(
    `Fetch Incident: ${run.events} events, ${run.incidents} incidents${skipped}; ${stateText(run.state)}.\n`,
  );
  return EXIT.successful;
}

function stateText(state: unknown): string {
  const { snapshot_time: time, is_fetched: fetched } = (state ?? {}) as Record<string, unknown>;
  if (typeof time !== 'string') return 'no snapshot yet';
  return `snapshot ${time} ${fetched === true ? 'fetched' : 'to resume'}`;
}

function outputOf(path: string | undefined): IntakeOutput {
  return path === undefined ? new StreamOutput(process.stdout) : new FileOutput(path);
}

function defaultStatePath(projectId: string): string {
  return join('.state', `fetch-incident-${projectId.replace(/[^\w.-]/g, '_')}.json`);
}
