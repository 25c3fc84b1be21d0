/**
 * A DSL or SQL query the emulator cannot run. `position` is the 0-based offset of the offending
 * character or token in the query text; the message already names it, so callers can show the
 * message as it is.
 */
export class QueryError extends Error {
  override readonly name = 'QueryError';

  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}
