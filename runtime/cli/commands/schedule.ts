import type { Command } from 'commander';
import { describeRedisUrl } from '../../scale/redis-url.js';
import { minutesOption } from '../options.js';
import { EXIT } from '../usage.js';
import { readScaleOptions, withRedis, type ScaleOptions } from './scale-options.js';

const DETAILS = `
Registers in Redis, for every active connection of the file, a health check every
intervalMinutes and, for an entry with "fetch": { "project": "...", "everyMinutes": n },
a Fetch Incident run of that project. Workers (soar-connector worker) run them.

Running it again after editing the file updates the schedules: each is registered once,
and those of removed or inactive connections are removed. Only connection names go to
Redis; the workers read the connections themselves from their own copy of the file.

Exit codes: 0 scheduled, 2 usage error (file, URL, Redis unreachable).`;

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'register the repeating health checks and fetch runs of a connections file in Redis',
    )
    .requiredOption('--redis <url>', 'the Redis the workers use, e.g. redis://127.0.0.1:6379')
    .requiredOption('--connections <file>', 'the connections file (see health-check --help)')
    .option(
      '--interval <minutes>',
      'minutes between health checks where a connection gives none',
      minutesOption,
      5,
    )
    .addHelpText('after', DETAILS)
    .action(async (options: ScaleOptions) => {
      const connections = await readScaleOptions(options);
      const { openRedis } = await import('../../scale/redis.js');
      const { queueOf } = await import('../../scale/jobs.js');
      const { applySchedule, planJobs } = await import('../../scale/schedule.js');
      const { QUEUES } = await import('../../scale/keys.js');

      const redis = await withRedis(() => openRedis(options.redis, 'client'));
      const healthChecks = queueOf(redis, QUEUES.healthChecks);
      const fetchRuns = queueOf(redis, QUEUES.fetchRuns);
      try {
        const summary = await applySchedule({ healthChecks, fetchRuns }, planJobs(connections));
        const removed =
          summary.removed.length === 0 ? '' : `; removed ${summary.removed.join(', ')}`;
        process.stdout.write(
          `Scheduled ${summary.healthChecks} health checks and ${summary.fetchRuns} fetch runs ` +
            `in Redis at ${describeRedisUrl(options.redis)}${removed}.\n`,
        );
        process.exitCode = EXIT.successful;
      } finally {
        await healthChecks.close();
        await fetchRuns.close();
        await redis.quit();
      }
    });
}
