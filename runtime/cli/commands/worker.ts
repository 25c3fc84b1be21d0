import { hostname } from 'node:os';
import type { Command } from 'commander';
import { loadConnector } from '../../connector.js';
import { describeRedisUrl } from '../../scale/redis-url.js';
import { cliLogger } from '../logger.js';
import { integerOption } from '../options.js';
import { waitForShutdown } from '../signals.js';
import { EXIT } from '../usage.js';
import { buildNotifiers } from './health-check-setup.js';
import {
  DEFAULT_RATE_PER_SECOND,
  rateOption,
  readScaleOptions,
  withRedis,
  type ScaleOptions,
} from './scale-options.js';

interface WorkerCliOptions extends ScaleOptions {
  concurrency: number;
  rate: number;
  lockSeconds: number;
  name?: string;
  webhook?: string;
}

const DETAILS = `
Runs the jobs queued in Redis: executions (submitted by an application), health checks and
Fetch Incident runs (registered by soar-connector schedule). Start one per machine, or more;
a job whose worker dies is taken over by another after --lock-seconds.

Jobs name their connection; each worker reads it from its own --connections file, so API
keys stay out of Redis (give them as env:NAME or file:PATH references in the file).
Requests to the vendor are spread so that each API key stays under --rate requests per
second across all workers; an entry's "ratePerSecond" overrides it.

Fetch Incident lines go to the Redis stream soar:intake:<project>, each unique key once.
Health checks keep their history in the stream soar:health:history.

Stop with SIGTERM or Ctrl+C: running jobs finish first. Exit codes: 0 stopped, 2 usage error.`;

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run queued executions, health checks and fetch runs from Redis')
    .requiredOption('--redis <url>', 'the Redis holding the queues, e.g. redis://127.0.0.1:6379')
    .requiredOption('--connections <file>', 'the connections file the jobs name connections from')
    .option('--concurrency <n>', 'jobs of each kind run at once', integerOption(1, 1000), 10)
    .option(
      '--rate <n>',
      'requests per second per API key across all workers; 0 for no limit',
      rateOption,
      DEFAULT_RATE_PER_SECOND,
    )
    .option(
      '--lock-seconds <n>',
      'how long a job stays with a worker that stopped answering',
      integerOption(1, 3600),
      30,
    )
    .option('--name <name>', 'this worker in logs and job records; default host:pid')
    .option('--webhook <url>', 'POST health notices as JSON to this URL')
    .addHelpText('after', DETAILS)
    .action(async (options: WorkerCliOptions) => {
      const connections = await readScaleOptions(options);
      const { startWorker } = await import('../../scale/worker.js');
      const name = options.name ?? `${hostname()}:${process.pid}`;
      const notifiers = buildNotifiers({
        interval: 5,
        ...(options.webhook !== undefined && { webhook: options.webhook }),
      });

      const worker = await withRedis(async () =>
        startWorker({
          redisUrl: options.redis,
          connector: await loadConnector(),
          connections,
          concurrency: options.concurrency,
          lockMs: options.lockSeconds * 1000,
          ratePerSecond: options.rate,
          name,
          logger: cliLogger(),
          notifiers,
        }),
      );
      process.stderr.write(
        `Worker ${name} consuming executions, health checks and fetch runs from Redis at ` +
          `${describeRedisUrl(options.redis)} (concurrency ${options.concurrency}); ` +
          'press Ctrl+C to stop.\n',
      );
      const signal = await waitForShutdown();
      process.stderr.write(`${signal}: waiting for running jobs to finish.\n`);
      await worker.close();
      process.exitCode = EXIT.successful;
    });
}
