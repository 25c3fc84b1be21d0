import { withBenchSession } from './session.js';
import { percentile, result, type BenchResult } from '../harness.js';

const EXECUTIONS = 500;
const IN_FLIGHT = 50;

/** 500 executions of Get Asset Details, 50 in flight, against the emulator. */
export async function concurrency(): Promise<BenchResult[]> {
  return withBenchSession({ projects: 1, assetsPerProject: [2000] }, async (session) => {
    const { emulator, connector, connection, logger } = session;
    const projectId = emulator.projectIds[0];
    const listing = await connector.execute(
      'Find Assets',
      {
        'Project ID': projectId,
        Limit: 1000,
        'Start Time': '2000-01-01',
        'End Time': '2100-01-01',
      },
      connection,
      { logger },
    );
    const assetIds = (listing.keyFields?.['Asset IDs'] as string[] | undefined) ?? [];
    if (assetIds.length === 0) throw new Error('no assets to query');

    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    let total = EXECUTIONS;
    const worker = async () => {
      while (next < total) {
        const assetId = assetIds[next % assetIds.length];
        next += 1;
        const started = performance.now();
        const envelope = await connector.execute(
          'Get Asset Details',
          {
            'Project ID': projectId,
            'Asset ID': assetId,
            'Additional Fields': 'custom_tags,dns_records,whois',
          },
          connection,
          { logger },
        );
        latencies.push(performance.now() - started);
        if (envelope.returnData !== 'Successful') failures += 1;
      }
    };

    // Warm-up: open the keep-alive sockets and let the JIT settle, then measure afresh.
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    latencies.length = 0;
    failures = 0;
    next = 0;
    total = EXECUTIONS;

    const started = performance.now();
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const seconds = (performance.now() - started) / 1000;
    if (failures > 0) throw new Error(`${failures} of ${EXECUTIONS} executions failed`);

    return [
      result(
        'concurrency throughput',
        'executions/s',
        EXECUTIONS / seconds,
        null,
        `${EXECUTIONS} Get Asset Details, ${IN_FLIGHT} in flight, all Successful`,
      ),
      result(
        'concurrency p99 latency vs p50',
        'ms',
        percentile(latencies, 99),
        percentile(latencies, 50),
      ),
    ];
  });
}
