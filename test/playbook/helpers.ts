import type { Connector } from '../../runtime/connector.js';
import { ERROR_CATALOG, type ErrorCode } from '../../runtime/errors/catalog.js';
import type { Envelope } from '../../runtime/types.js';

export interface Call {
  command: string;
  inputs: Record<string, unknown>;
}

type Answer = (inputs: Record<string, unknown>) => Envelope;

/** A connector whose commands answer from functions, recording every call with its inputs. */
export function stubConnector(answers: Record<string, Answer>) {
  const calls: Call[] = [];
  const connector: Pick<Connector, 'execute' | 'commands'> = {
    commands: Object.keys(answers).map((name) => ({
      name,
      description: '',
      apiVersions: ['v2'],
      inputs: [],
      keyFields: [],
      sampleOutput: null,
    })),
    execute: async (command, inputs) => {
      calls.push({ command, inputs: inputs ?? {} });
      const answer = answers[command];
      if (answer === undefined) throw new Error(`no answer for ${command}`);
      return answer(inputs ?? {});
    },
  };
  return { connector, calls };
}

export function ok(
  command: string,
  rawData: unknown,
  keyFields?: Record<string, unknown>,
): Envelope {
  return {
    command,
    returnData: 'Successful',
    rawData,
    ...(keyFields && { keyFields }),
    executionId: 'e',
    durationMs: 5,
  };
}

export function fail(
  command: string,
  code: ErrorCode,
  statusCode: number | null,
  message: string,
): Envelope {
  const entry = ERROR_CATALOG[code];
  return {
    command,
    returnData: 'Failed',
    rawData: null,
    error: {
      failureIndicator: `${command} failed.`,
      statusCode,
      message,
      code,
      class: entry.class,
      retryable: entry.retryable,
    },
    executionId: 'e',
    durationMs: 5,
  };
}

export const PROJECTS = {
  data: [
    { id: 'p-1', name: 'Acme' },
    { id: 'p-2', name: 'Lab' },
  ],
};
export const ASSETS = {
  data: [
    { id: 'vpn.acme.test', exposure_score: 92 },
    { id: 'mail.acme.test', exposure_score: 71 },
    { id: '203.0.113.24', exposure_score: 40 },
  ],
};
