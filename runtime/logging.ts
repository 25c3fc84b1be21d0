import { pino, type Logger, type LevelWithSilent } from 'pino';

const CENSOR = '[REDACTED]';

/**
 * Secret values to strip from every log line, whatever key or message carries them. pino's
 * path-based redaction only covers known paths, so the stream redacts by value as well.
 */
export class SecretRegistry {
  private readonly values = new Set<string>();

  add(secret: string): void {
    if (secret.length < 4) return;
    this.values.add(secret);
    // The same value as it appears inside a JSON string.
    this.values.add(JSON.stringify(secret).slice(1, -1));
  }

  redact(text: string): string {
    let result = text;
    for (const value of this.values) {
      if (result.includes(value)) result = result.split(value).join(CENSOR);
    }
    return result;
  }
}

export const secrets = new SecretRegistry();

export interface LineSink {
  write(line: string): unknown;
}

export interface CreateLoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go; default stderr, so that results on stdout stay clean. */
  sink?: LineSink;
  registry?: SecretRegistry;
}

export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const registry = options.registry ?? secrets;
  const sink = options.sink ?? process.stderr;
  const stream = { write: (line: string) => sink.write(registry.redact(line)) };

  return pino(
    {
      level: options.level ?? defaultLevel(),
      base: { connector: 'securitytrails' },
      redact: {
        paths: ['apiKey', '*.apiKey', 'connection.apiKey', 'headers.APIKEY', 'headers.apikey'],
        censor: CENSOR,
      },
    },
    stream,
  );
}

function defaultLevel(): LevelWithSilent {
  const level = process.env.LOG_LEVEL;
  const known = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  return level !== undefined && known.includes(level) ? (level as LevelWithSilent) : 'info';
}

let sharedLogger: Logger | undefined;

/** The process-wide default logger, created on first use. */
export function defaultLogger(): Logger {
  sharedLogger ??= createLogger();
  return sharedLogger;
}
