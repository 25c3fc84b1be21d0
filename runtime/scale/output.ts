import type { Redis } from 'ioredis';
import { lineKey, type IntakeLine, type IntakeOutput } from '../intake/output.js';
import { redisKeys } from './keys.js';

/**
 * Adds each line to the project's stream unless its key is in the delivered set already, in
 * one script, so that a batch is delivered whole or not at all and a line never twice. Lines
 * without a unique key (ARGV key '') cannot be recognised again and are always added.
 */
const DELIVER = `
local now = tonumber(ARGV[1])
local added = 0
for i = 4, #ARGV, 2 do
  local key = ARGV[i]
  if key == '' or redis.call('ZADD', KEYS[1], 'NX', now, key) == 1 then
    redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'line', ARGV[i + 1])
    added = added + 1
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
return added
`;

export interface RedisIntakeOptions {
  /** How long a delivered key is remembered; a replay older than this is delivered again. */
  rememberMs?: number;
  /** Entries kept in the stream; older ones are trimmed once readers had that long. */
  maxLength?: number;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * The intake output shared by every worker: a Redis stream per project that a SOAR platform
 * reads (XREAD, or XREADGROUP for several readers), deduplicated by unique key against a set of
 * delivered keys. A run that is repeated after a crash, on any machine, adds nothing twice.
 */
export class RedisIntakeOutput implements IntakeOutput {
  private readonly rememberMs: number;
  private readonly maxLength: number;

  constructor(
    private readonly redis: Redis,
    private readonly projectId: string,
    options: RedisIntakeOptions = {},
  ) {
    this.rememberMs = options.rememberMs ?? 30 * DAY_MS;
    this.maxLength = options.maxLength ?? 100_000;
  }

  get description(): string {
    return `the Redis stream ${redisKeys.intake(this.projectId)}`;
  }

  /** The stream has no position to save with the state: dedupe does the work of one. */
  async write(lines: IntakeLine[]): Promise<undefined> {
    if (lines.length === 0) return undefined;
    const pairs = lines.flatMap((line) => [
      line.unique_key === null ? '' : lineKey(line),
      JSON.stringify(line),
    ]);
    await this.redis.eval(
      DELIVER,
      2,
      redisKeys.delivered(this.projectId),
      redisKeys.intake(this.projectId),
      String(Date.now()),
      String(this.rememberMs),
      String(this.maxLength),
      ...pairs,
    );
    return undefined;
  }

  /** Nothing to report: duplicates are dropped as they are written. */
  async uncommitted(): Promise<Set<string>> {
    return new Set();
  }
}

/** Every line in a project's stream, oldest first. */
export async function readIntake(redis: Redis, projectId: string): Promise<IntakeLine[]> {
  const entries = await redis.xrange(redisKeys.intake(projectId), '-', '+');
  return entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as IntakeLine);
}
