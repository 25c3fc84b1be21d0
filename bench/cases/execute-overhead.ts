import { withBenchSession } from './session.js';
import axios from 'axios';
import { interleave, median, result, type BenchResult } from '../harness.js';

/**
 * `connector.execute("List Projects")` against a bare axios GET of the same emulator route:
 * validation, dispatch, envelope and logging (at info, to a discarding sink) are the only
 * difference.
 */
export async function executeOverhead(): Promise<BenchResult[]> {
  return withBenchSession({ logLevel: 'info' }, async (session) => {
    const { emulator, connector, connection, logger } = session;
    const bare = axios.create({
      baseURL: emulator.url,
      headers: { APIKEY: emulator.apiKey },
      proxy: false,
    });

    const samples = await interleave(
      [
        {
          name: 'execute',
          run: async () => {
            const envelope = await connector.execute('List Projects', {}, connection, { logger });
            if (envelope.returnData !== 'Successful') throw new Error(envelope.error?.message);
          },
        },
        { name: 'axios', run: () => bare.get('/v2/projects') },
      ],
      { warmup: 50, rounds: 400 },
    );

    const runtime = median(samples.get('execute') ?? []);
    const baseline = median(samples.get('axios') ?? []);
    return [
      result(
        'execute-overhead',
        'ms (median latency)',
        runtime,
        baseline,
        'List Projects vs bare axios GET /v2/projects',
      ),
    ];
  });
}
