import type { HealthNotice } from '../types.js';

/** A one-line subject and a short body, shared by the email and stderr channels. */
export function describeNotice(notice: HealthNotice): { subject: string; text: string } {
  if (notice.event === 'recovery') {
    return {
      subject: `Connection "${notice.connection}" recovered: Test Connection passed`,
      text: [
        `Test Connection passed again at ${notice.time} (${notice.latencyMs} ms).`,
        about(notice),
      ]
        .filter(Boolean)
        .join('\n'),
    };
  }

  const status =
    notice.statusCode === null || notice.statusCode === undefined
      ? 'no response'
      : `status ${notice.statusCode}`;
  return {
    subject: `Connection "${notice.connection}" failed: ${notice.failureKind ?? 'unknown'} (${notice.errorCode ?? 'no code'})`,
    text: [
      `Test Connection failed at ${notice.time} (${status}, ${notice.latencyMs} ms).`,
      `Message: ${notice.message ?? '(none)'}`,
      `Failure: ${notice.failureKind ?? 'unknown'}; code ${notice.errorCode ?? 'none'}, class ${notice.errorClass ?? 'none'}.`,
      'No further notice is sent while the connection keeps failing; one follows when it recovers.',
      about(notice),
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

function about(notice: HealthNotice): string {
  return notice.description === '' ? '' : `Connection: ${notice.description}`;
}
