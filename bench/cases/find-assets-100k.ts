import { withBenchSession } from './session.js';
import { result, type BenchResult } from '../harness.js';

const ASSETS = 100_000;

/**
 * Find Assets with no Limit over a 100,000-asset project: wall time, pages, records per second,
 * and the growth of resident memory while it runs against the size of the JSON returned. The
 * emulator runs in this process too, so the memory figure is an upper bound for the runtime.
 */
export async function findAssets100k(): Promise<BenchResult[]> {
  return withBenchSession({ projects: 1, assetsPerProject: [ASSETS] }, async (session) => {
    const { emulator, connector, connection, logger } = session;
    const inputs = {
      'Project ID': emulator.projectIds[0],
      'Start Time': '2000-01-01',
      'End Time': '2100-01-01',
    };

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    const envelope = await connector.execute('Find Assets', inputs, connection, { logger });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    if (envelope.returnData !== 'Successful') throw new Error(envelope.error?.message);
    const returned = Number(envelope.keyFields?.['Returned Assets']);
    const pages = Number(envelope.keyFields?.Pages);
    const jsonBytes = Buffer.byteLength(JSON.stringify(envelope.rawData));
    const growth = peak - rssBefore;
    const mb = (bytes: number) => bytes / 1024 / 1024;

    return [
      result(
        'find-assets-100k wall time',
        's',
        seconds,
        null,
        `${returned} assets over ${pages} pages`,
      ),
      result('find-assets-100k throughput', 'assets/s', returned / seconds, null),
      result(
        'find-assets-100k peak RSS growth vs JSON size',
        'MB',
        mb(growth),
        mb(jsonBytes),
        'ratio = RSS growth / bytes of rawData JSON',
      ),
    ];
  });
}
