import { describe, expect, it } from 'vitest';
import { SECRET_KEY, capturedLogger, connection, connector } from '../helpers/connector.js';
import { expectNoSecret, expectValidEnvelope } from './support/envelope-checks.js';

/** Inputs the generated cases once found mishandled; each fails before any request is sent. */
async function run(command: string, inputs: Record<string, unknown>) {
  const { logger, lines } = capturedLogger();
  const envelope = await (await connector()).execute(command, inputs, connection(), { logger });
  expectValidEnvelope(envelope, command);
  return { envelope, lines };
}

describe('inputs that the generated cases found mishandled', () => {
  it.each([
    ['Get Asset Details', { 'Project ID': 'p-1', 'Asset ID': '\uD800' }, 'Asset ID'],
    ['Get Current Issues', { 'Project ID': 'ok\uD83D' }, 'Project ID'],
    ['Get Issue History', { 'Project ID': 'p-1', Query: 'a\uDC00b' }, 'Query'],
    ['Find Assets', { 'Project ID': 'p-1', Tags: ['\uDBFF\uDBFF'] }, 'Tags'],
  ])('%s refuses half a surrogate pair in %j, naming the input', async (command, inputs, name) => {
    const { envelope } = await run(command, inputs);

    expect(envelope.error).toMatchObject({ code: 'INPUT_INVALID', details: { parameter: name } });
    expect(envelope.error?.message).toMatch(new RegExp(`^${name} must be well-formed Unicode`));
  });

  it('shows no part of a key that a message would cut short', async () => {
    const value = `${'p'.repeat(40)}${SECRET_KEY}`;
    const { envelope, lines } = await run('Find Assets', { 'Project ID': 'p-1', Limit: value });

    expect(envelope.error?.code).toBe('INPUT_INVALID');
    expectNoSecret([JSON.stringify(envelope), ...lines], 'the envelope or the log');
  });

  it('shows no part of a key quoted by the JSON parser', async () => {
    const inputs = { 'Project ID': 'p-1', 'Previous Snapshot Fetch State': SECRET_KEY };
    const { envelope, lines } = await run('Fetch Incident', inputs);

    expect(envelope.error?.code).toBe('INPUT_INVALID');
    expect(envelope.error?.message).toContain('not valid JSON');
    expectNoSecret([JSON.stringify(envelope), ...lines], 'the envelope or the log');
  });

  it('names a blank parameter name by quoting it', async () => {
    const { envelope } = await run('List Projects', { '': 'x' });

    expect(envelope.error?.message).toBe('"" is not a parameter of this command.');
  });
});
