import { describe, expect, it } from 'vitest';
import type { CommandInfo } from '../../runtime/connector.js';
import { exampleInvocation } from '../../runtime/cli/view/command-list.js';
import { progressReporter } from '../../runtime/cli/view/progress.js';
import {
  formatRawData,
  formatTestResult,
  formatValue,
} from '../../runtime/cli/view/test-result.js';
import type { Envelope } from '../../runtime/types.js';

const failedEnvelope: Envelope = {
  command: 'Find Assets',
  returnData: 'Failed',
  rawData: null,
  error: {
    failureIndicator: 'Find Assets failed.',
    statusCode: null,
    message: 'connect ECONNREFUSED 127.0.0.1:9',
    code: 'NETWORK_ERROR',
    class: 'transient',
    retryable: true,
  },
  executionId: 'exec-1',
  durationMs: 7,
};

describe('Test Result view', () => {
  it('shows the Error tab without a Raw Data section when a command failed before any response', () => {
    expect(formatTestResult(failedEnvelope)).toBe(
      [
        'Command: Find Assets',
        'Return Data: Failed',
        '',
        'Error',
        '  Failure Indicator: Find Assets failed.',
        '  Status Code: none (no response was received)',
        '  Message: connect ECONNREFUSED 127.0.0.1:9',
        '  Code: NETWORK_ERROR (transient, retryable)',
        '',
        'Execution ID: exec-1 (7 ms)',
        '',
      ].join('\n'),
    );
  });

  it('names the parameter of an input error and lists warnings', () => {
    const envelope: Envelope = {
      ...failedEnvelope,
      warnings: ['Monthly usage could not be read: Not Found'],
      error: {
        ...failedEnvelope.error!,
        code: 'INPUT_INVALID',
        class: 'input',
        retryable: false,
        details: { parameter: 'Limit' },
      },
    };

    const text = formatTestResult(envelope);

    expect(text).toContain('\nWarnings\n  - Monthly usage could not be read: Not Found\n');
    expect(text).toContain('  Code: INPUT_INVALID (input, not retryable)\n  Parameter: Limit\n');
  });

  it('cuts raw data after the line limit and says how many lines there were', () => {
    const text = formatRawData({ data: Array.from({ length: 10 }, (_, index) => index) }, 5);

    expect(text.split('\n')).toEqual([
      '{',
      '  "data": [',
      '    0,',
      '    1,',
      '    2,',
      '... Raw Data truncated: 5 of 14 lines shown; run with --json for the whole envelope.',
    ]);
  });

  it('joins short lists, cuts long ones and shows objects as JSON', () => {
    expect(formatValue(['a', 'b'])).toBe('a, b');
    expect(formatValue([])).toBe('(none)');
    expect(formatValue(Array.from({ length: 25 }, (_, index) => index))).toMatch(
      /^0, 1, .*, 19, \.\.\. \(5 more\)$/,
    );
    expect(formatValue({ snapshot_time: '2025-06-01' })).toBe('{"snapshot_time":"2025-06-01"}');
    expect(formatValue(null)).toBe('null');
  });
});

describe('progress on stderr', () => {
  it('rewrites one line per page on a terminal and clears it at the end', () => {
    const written: string[] = [];
    const reporter = progressReporter({ isTTY: true, write: (text: string) => written.push(text) });

    reporter.onProgress?.({ command: 'DSL Query', pages: 1, records: 100 });
    reporter.onProgress?.({ command: 'DSL Query', pages: 2, records: 200 });
    reporter.done();

    expect(written).toEqual([
      '\r\x1b[KDSL Query: 1 page, 100 records so far',
      '\r\x1b[KDSL Query: 2 pages, 200 records so far',
      '\r\x1b[K',
    ]);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const reporter = progressReporter({ isTTY: false, write: () => expect.unreachable() });

    reporter.done();

    expect(reporter.onProgress).toBeUndefined();
  });
});

describe('example invocation', () => {
  it('quotes a value holding double quotes or $ for a POSIX shell', () => {
    const info: CommandInfo = {
      name: 'DSL Query',
      description: '',
      apiVersions: ['v1', 'v2'],
      keyFields: [],
      sampleOutput: null,
      inputs: [
        {
          name: 'Query',
          required: true,
          description: '',
          type: 'string',
          examples: ['ns = "it\'s $HOME"'],
        },
        { name: 'Max Records', required: false, description: '', type: 'integer', examples: [10] },
      ],
    };

    expect(exampleInvocation(info)).toBe(
      `soar-connector run "DSL Query" --input 'Query=ns = "it'\\''s $HOME"'`,
    );
  });
});
