import type { Command } from 'commander';
import { loadConnector } from '../../connector.js';
import { HealthScheduler } from '../../health/scheduler.js';
import type { CheckResult, HealthTarget } from '../../health/types.js';
import { openBackend, type Backend } from '../../scale/backend.js';
import type { RequestThrottle } from '../../scale/rate-limiter.js';
import { openConnection, withConnectionOptions } from '../connection.js';
import { cliLogger } from '../logger.js';
import { minutesOption } from '../options.js';
import { waitForShutdown } from '../signals.js';
import { EXIT, UsageError } from '../usage.js';
import { buildNotifiers, loadTargets, type HealthCheckOptions } from './health-check-setup.js';
import { DEFAULT_RATE_PER_SECOND, rateOption, rateWithRedis, withRedis } from './scale-options.js';

const DETAILS = `
A connections file holds named connections; inactive ones are skipped:
  { "connections": [{ "name": "prod", "description": "...", "active": true,
                      "intervalMinutes": 15, "connection": { "serverUrl": "...",
                      "apiKey": "env:ST_KEY", "apiVersion": "v2" } }] }
Without one, the connection comes from --connection, the environment or the emulator.

Notices go to stderr, and to --webhook and --email-to when given, on the first failure
of a connection and on its recovery; one line per check goes to stdout.

Exit codes: 0, or with --once 1 when any connection failed; 2 usage error.`;

export function registerHealthCheck(program: Command): void {
  const command = program
    .command('health-check')
    .description(
      'run Test Connection per connection on an interval, keep a history, notify on change',
    )
    .option('--connections <file>', 'a connections file (see below)')
    .option(
      '--interval <minutes>',
      'minutes between checks where a connection gives none',
      minutesOption,
      5,
    )
    .option('--once', 'check each active connection once, then exit (1 when any failed)')
    .option('--webhook <url>', 'POST each notice as JSON to this URL')
    .option('--history <file>', 'append one JSON line per check to this file')
    .option('--smtp <url>', 'SMTP server for notices by email, e.g. smtp://127.0.0.1:25')
    .option('--email-to <address>', 'where email notices go (needs --smtp)')
    .option('--email-from <address>', 'sender of email notices')
    .option('--redis <url>', 'keep outcomes and history in this Redis, shared with workers')
    .option(
      '--rate <n>',
      `with --redis: requests per second per API key, shared with workers; ` +
        `default ${DEFAULT_RATE_PER_SECOND}, 0 for no limit`,
      rateOption,
    )
    .addHelpText('after', DETAILS);

  withConnectionOptions(command).action(async (options: HealthCheckOptions) => {
    const notifiers = buildNotifiers(options);
    const rate = rateWithRedis(options);
    const opened = options.connections === undefined ? await openConnection(options) : undefined;
    const backend = await withRedis(() => openBackend(options.redis)).catch(async (error) => {
      await opened?.close();
      throw error;
    });
    try {
      const targets = await loadTargets(options, opened);
      const active = targets.filter((target) => target.active);
      if (active.length === 0)
        throw new UsageError(
          `${options.connections ?? 'The configuration'} has no active connection.`,
        );

      const history = backend.healthHistory(options.history);
      const throttles = await throttlesOf(backend, active, rate);
      const scheduler = new HealthScheduler({
        connector: await loadConnector(),
        targets,
        store: await backend.healthOutcomes(options.history),
        notifiers,
        logger: cliLogger(),
        onCheck: (result) => process.stdout.write(`${formatCheck(result)}\n`),
        executeOptionsOf: (target) => {
          const beforeRequest = throttles.get(target.name);
          return beforeRequest === undefined ? {} : { beforeRequest };
        },
        ...(history && { history }),
      });

      if (options.once === true) {
        const results = await scheduler.runOnce();
        process.exitCode = results.every((result) => result.outcome === 'Passed')
          ? EXIT.successful
          : EXIT.failed;
        return;
      }

      scheduler.start();
      const skipped = targets.length - active.length;
      process.stderr.write(
        `Checking ${active.length} connection${active.length === 1 ? '' : 's'}` +
          `${skipped > 0 ? ` (${skipped} inactive skipped)` : ''}; press Ctrl+C to stop.\n`,
      );
      const signal = await waitForShutdown();
      process.stderr.write(`${signal}: waiting for running checks to finish.\n`);
      await scheduler.stop();
      process.exitCode = EXIT.successful;
    } finally {
      await opened?.close();
      await backend.close();
    }
  });
}

/**
 * Each connection's API key throttle, by connection name; none from the embedded backend. The
 * keys are resolved once, at start: a key rotated behind an env: or file: reference while the
 * command runs keeps its old bucket until the command is restarted.
 */
async function throttlesOf(
  backend: Backend,
  targets: HealthTarget[],
  rate: number,
): Promise<Map<string, RequestThrottle>> {
  const throttles = new Map<string, RequestThrottle>();
  for (const target of targets) {
    const throttle = await backend.requestThrottle(target.connection, rate);
    if (throttle !== undefined) throttles.set(target.name, throttle);
  }
  return throttles;
}

function formatCheck(result: CheckResult): string {
  const head = `${result.time}  ${result.connection}  ${result.outcome}  ${result.latencyMs} ms`;
  if (result.outcome === 'Passed') return head;
  return `${head}  ${result.failureKind ?? ''} ${result.errorCode ?? ''} ${result.statusCode ?? '-'}: ${result.message ?? ''}`;
}
