import { ConnectorError, isConnectorError } from '../../runtime/errors/connector-error.js';

const EXPIRED = /expire/i;

export interface ScrollProgress {
  pages: number;
  records: number;
}

/**
 * A scroll id lives a few minutes; when the API says it has expired (400 or 404 with a message
 * about expiry), the records read so far are an unknown part of the result. Reporting them as a
 * success would pass a truncated result on as complete, so the command fails instead.
 */
export function asScrollFailure(error: unknown, read: ScrollProgress): unknown {
  if (!isConnectorError(error) || !EXPIRED.test(error.message)) return error;
  if (error.statusCode !== 400 && error.statusCode !== 404) return error;

  return new ConnectorError(
    'SCROLL_EXPIRED',
    `The scroll id expired after ${read.pages} pages (${read.records} records) had been read, ` +
      `so the result would be incomplete. SecurityTrails said: "${error.message}". ` +
      'Run the command again; lower Max Records if reading the pages takes long.',
    { statusCode: error.statusCode, details: { ...error.details, ...read } },
  );
}
