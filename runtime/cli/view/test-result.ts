import type { Envelope } from '../../types.js';

/** Raw data beyond this many lines is cut, as a Test Result window scrolls rather than floods. */
export const RAW_DATA_MAX_LINES = 200;
const LIST_MAX_ITEMS = 20;
const VALUE_MAX_CHARS = 200;

export interface TestResultOptions {
  maxRawLines?: number;
}

/**
 * The envelope as a SOAR Test Result window shows it: Return Data, the key fields, warnings, the
 * raw data pretty-printed, and the Error tab (Failure Indicator, Status Code, Message) when the
 * command failed.
 */
export function formatTestResult(envelope: Envelope, options: TestResultOptions = {}): string {
  const sections = [
    [`Command: ${envelope.command}`, `Return Data: ${envelope.returnData}`].join('\n'),
  ];

  const keyFields = Object.entries(envelope.keyFields ?? {});
  if (keyFields.length > 0) {
    sections.push(
      ['Key Fields', ...keyFields.map(([name, value]) => `  ${name}: ${formatValue(value)}`)].join(
        '\n',
      ),
    );
  }
  if (envelope.warnings !== undefined && envelope.warnings.length > 0) {
    sections.push(['Warnings', ...envelope.warnings.map((warning) => `  - ${warning}`)].join('\n'));
  }
  if (envelope.returnData === 'Successful' || envelope.rawData !== null) {
    sections.push(
      `Raw Data\n${formatRawData(envelope.rawData, options.maxRawLines ?? RAW_DATA_MAX_LINES)}`,
    );
  }
  if (envelope.error !== undefined) sections.push(formatError(envelope.error));

  sections.push(`Execution ID: ${envelope.executionId} (${envelope.durationMs} ms)`);
  return `${sections.join('\n\n')}\n`;
}

function formatError(error: NonNullable<Envelope['error']>): string {
  const lines = [
    'Error',
    `  Failure Indicator: ${error.failureIndicator}`,
    `  Status Code: ${error.statusCode ?? 'none (no response was received)'}`,
    `  Message: ${error.message}`,
    `  Code: ${error.code} (${error.class}, ${error.retryable ? 'retryable' : 'not retryable'})`,
  ];
  const parameter = error.details?.parameter;
  if (typeof parameter === 'string' && parameter !== '') lines.push(`  Parameter: ${parameter}`);
  return lines.join('\n');
}

/** Pretty JSON, cut after `maxLines` lines with a note saying how much was left out. */
export function formatRawData(rawData: unknown, maxLines: number): string {
  const lines = (JSON.stringify(rawData, null, 2) ?? 'null').split('\n');
  if (lines.length <= maxLines) return lines.join('\n');
  return [
    ...lines.slice(0, maxLines),
    `... Raw Data truncated: ${maxLines} of ${lines.length} lines shown; ` +
      'run with --json for the whole envelope.',
  ].join('\n');
}

/** One line per key field: lists joined, long lists and objects cut short. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    const shown = value.slice(0, LIST_MAX_ITEMS).map(String).join(', ');
    const more = value.length - LIST_MAX_ITEMS;
    return more > 0 ? `${shown}, ... (${more} more)` : shown || '(none)';
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > VALUE_MAX_CHARS ? `${text.slice(0, VALUE_MAX_CHARS)}...` : text;
}
