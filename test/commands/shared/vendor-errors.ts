import type nock from 'nock';
import { expect, it } from 'vitest';
import type { Envelope } from '../../../runtime/types.js';
import { capturedLogger, connection, connector, fastOptions } from '../../helpers/connector.js';

export const PROJECT = 'c7971a2e-5b3d-4f60-9e21-8d4c0b7adc4f';

export interface VendorErrorCase {
  name: string;
  status: number;
  body: nock.Body;
  expected: { code: string; message: string; class: string; details?: unknown };
}

/** The error answers every v2 project command can get, with what the envelope must say. */
export const VENDOR_ERRORS: VendorErrorCase[] = [
  {
    name: '404 for an unknown project',
    status: 404,
    body: { detail: 'Unknown Project.' },
    expected: { code: 'NOT_FOUND', message: 'Unknown Project.', class: 'input' },
  },
  {
    name: '422 with a detail list',
    status: 422,
    body: {
      detail: [
        { loc: ['path', 'project_id'], msg: 'value is not a valid uuid', type: 'type_error.uuid' },
      ],
    },
    expected: {
      code: 'REQUEST_REJECTED',
      message: 'project_id (path): value is not a valid uuid',
      class: 'input',
      details: expect.objectContaining({
        validation: [expect.objectContaining({ loc: ['path', 'project_id'] })],
      }),
    },
  },
  {
    name: '401 for a rejected key',
    status: 401,
    body: { message: 'Invalid API key' },
    expected: { code: 'AUTH_FAILED', message: 'Invalid API key', class: 'configuration' },
  },
  {
    name: '403 for a plan without ASI',
    status: 403,
    body: { message: 'You do not have access to the ASI project API.' },
    expected: {
      code: 'ACCESS_DENIED',
      message: 'You do not have access to the ASI project API.',
      class: 'configuration',
    },
  },
  {
    name: '429 for the used-up monthly quota',
    status: 429,
    body: { message: "You've exceeded the usage limits for your account." },
    expected: {
      code: 'QUOTA_EXHAUSTED',
      message: "You've exceeded the usage limits for your account.",
      class: 'upstream',
    },
  },
];

/** Other wordings the v2 list endpoints have used for a rejected key and a plan without ASI. */
export const LISTING_WORDINGS: VendorErrorCase[] = [
  {
    name: '401 asking to check the credentials',
    status: 401,
    body: { message: 'Please check user credentials.' },
    expected: {
      code: 'AUTH_FAILED',
      message: 'Please check user credentials.',
      class: 'configuration',
    },
  },
  {
    name: '403 denying ASI access',
    status: 403,
    body: { message: 'Access denied for ASI.' },
    expected: { code: 'ACCESS_DENIED', message: 'Access denied for ASI.', class: 'configuration' },
  },
];

/** A 422 refusing one query parameter, as the v2 list endpoints word it. */
export function queryRejected(parameter: string, msg: string): VendorErrorCase {
  return {
    name: `422 refusing ${parameter}`,
    status: 422,
    body: { detail: [{ loc: ['query', parameter], msg, type: 'value_error' }] },
    expected: {
      code: 'REQUEST_REJECTED',
      message: `${parameter} (query): ${msg}`,
      class: 'input',
      details: expect.objectContaining({
        validation: [expect.objectContaining({ loc: ['query', parameter] })],
      }),
    },
  };
}

/** The doc's error sample for the asset commands. */
export const ASSET_NOT_FOUND: VendorErrorCase = {
  name: '404 for an unknown asset',
  status: 404,
  body: { detail: 'Asset not found: domain.com.' },
  expected: { code: 'NOT_FOUND', message: 'Asset not found: domain.com.', class: 'input' },
};

export function expectVendorFailure(
  envelope: Envelope,
  command: string,
  { status, expected }: VendorErrorCase,
): void {
  expect(envelope).toMatchObject({ returnData: 'Failed', rawData: null });
  expect(envelope.error).toMatchObject({
    failureIndicator: `${command} failed.`,
    statusCode: status,
    ...expected,
  });
}

export interface Outcome {
  envelope: Envelope;
  /** Requests the command sent, as its closing log line reports them. */
  requests: number;
  delays: number[];
}

/** Runs a command and reports how many requests it sent and which retry delays it asked for. */
export async function runCounted(
  command: string,
  inputs: Record<string, unknown>,
  connection: unknown,
): Promise<Outcome> {
  const { logger, lines } = capturedLogger();
  const options = fastOptions({ logger });
  const envelope = await (await connector()).execute(command, inputs, connection, options);
  const finished = lines.map((line) => JSON.parse(line)).find((l) => l.msg === 'command finished');
  return { envelope, requests: Number(finished?.requests), delays: options.delays };
}

export async function manifestKeyFields(command: string): Promise<string[]> {
  return [...((await connector()).command(command)?.keyFields ?? [])].sort();
}

export async function manifestSample(command: string): Promise<nock.Body> {
  return (await connector()).command(command)?.sampleOutput as nock.Body;
}

/** A command under test and the valid inputs its cases start from. */
export interface CommandCases {
  command: string;
  inputs: Record<string, unknown>;
}

function runWith({ command }: CommandCases, given: Record<string, unknown>, overrides = {}) {
  return runCounted(command, given, connection(overrides));
}

/** Each case answered by the API surfaces as a Failed envelope, with no retry. */
export function itSurfacesVendorErrors(
  under: CommandCases,
  cases: VendorErrorCase[],
  answer: (errorCase: VendorErrorCase) => void,
): void {
  it.each(cases)('surfaces $name', async (errorCase) => {
    answer(errorCase);

    const { envelope, delays } = await runWith(under, under.inputs);

    expectVendorFailure(envelope, under.command, errorCase);
    expect(delays).toEqual([]);
  });
}

/** An input case: what it is, the inputs given and a part of the message expected. */
export type InvalidInputCase = [name: string, given: Record<string, unknown>, message: string];

/** Each invalid input, and a v1 connection, fail before any request is sent. */
export function itRefusesBeforeAnyRequest(under: CommandCases, invalid: InvalidInputCase[]): void {
  it.each(invalid)(
    'fails with INPUT_INVALID and sends nothing when %s',
    async (_, given, message) => {
      const { envelope, requests } = await runWith(under, given);

      expect(envelope.error).toMatchObject({ code: 'INPUT_INVALID', statusCode: null });
      expect(envelope.error?.message).toContain(message);
      expect(requests).toBe(0);
    },
  );

  it('refuses a v1 connection before any request', async () => {
    const { envelope, requests } = await runWith(under, under.inputs, { apiVersion: 'v1' });

    expect(envelope.error).toMatchObject({ code: 'API_VERSION_MISMATCH', statusCode: null });
    expect(requests).toBe(0);
  });
}
