import { existsSync, readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API, connection, connector, fastOptions } from '../helpers/connector.js';

const XSOAR = new URL('../../../shared/recorded/xsoar-rf-asi/', import.meta.url);
const OPENCTI = new URL('../../../shared/recorded/opencti-rf-asi/', import.meta.url);
const PATH = '/v1/asi/rules/history/p-1/activity';
const NOW = Date.parse('2025-06-26T15:00:00Z');
/** The window sent with no Start Time and End Time: the 24 hours before NOW, in Unix seconds. */
const LAST_DAY = { start: '1750863600', end: '1750950000' };

type Rule = Record<string, unknown>;

async function run(inputs: Record<string, unknown> = {}, overrides = {}) {
  return (await connector()).execute(
    'Get Issue History',
    { 'Project ID': 'p-1', ...inputs },
    connection(overrides),
    fastOptions({ now: () => NOW }),
  );
}

function rule(id: string, classification = 'high', name = `Rule ${id}`): Rule {
  return { id, name, description: `Description of ${id}`, classification };
}

function entry(snapshot: string, added: Rule[], removed: Rule[] = [], riskScore = 50) {
  return {
    snapshot,
    previous_snapshot: null,
    risk_score: riskScore,
    previous_risk_score: 0,
    counts: { added_rules: added.length, removed_rules: removed.length },
    added_rules: added,
    removed_rules: removed,
  };
}

function history(query: Record<string, string> = LAST_DAY) {
  return nock(API).get(PATH).query(query);
}

describe('Get Issue History', () => {
  it('asks for the last 24 hours by default and summarises the snapshots', async () => {
    const body = {
      data: [
        entry('2025-06-25 02:41:07', [rule('CVE-2024-6387')], [rule('git-config', 'moderate')], 92),
        entry('2025-06-26 02:40:00', [rule('directory-listing', 'moderate')], [], 95),
      ],
      meta: { params: { classification: [], end: null, query: null, rule_action: null } },
    };
    history().reply(200, body);

    expect(await run()).toEqual({
      command: 'Get Issue History',
      returnData: 'Successful',
      rawData: body,
      keyFields: {
        Snapshots: 2,
        'Added Rules': 2,
        'Removed Rules': 1,
        'Latest Snapshot': '2025-06-26 02:40:00',
        'Latest Risk Score': 95,
      },
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('sends every input as its query parameter, times as Unix seconds', async () => {
    history({
      start: '1677628800',
      end: '1677715200',
      rule_action: 'added',
      classification: 'high,moderate',
      query: 'Self-Signed',
    }).reply(200, { data: [] });

    const envelope = await run({
      'Start Time': '03/01/2023 12:00 AM',
      'End Time': '2023-03-02T00:00:00Z',
      'Rule Action': 'Added Rules',
      Classification: 'High & Moderate',
      Query: 'Self-Signed',
    });

    expect(envelope.keyFields).toEqual({
      Snapshots: 0,
      'Added Rules': 0,
      'Removed Rules': 0,
      'Latest Snapshot': null,
      'Latest Risk Score': null,
    });
  });

  it.each([
    ['High', 'high'],
    ['High & Moderate', 'high,moderate'],
    ['Moderate', 'moderate'],
    ['Moderate & Informational', 'moderate,informational'],
    ['Informational', 'informational'],
  ])('sends Classification %s as classification=%s', async (classification, sent) => {
    history({ ...LAST_DAY, classification: sent }).reply(200, { data: [] });

    expect((await run({ Classification: classification })).returnData).toBe('Successful');
  });

  it('sends Removed Rules as rule_action=removed', async () => {
    history({ ...LAST_DAY, rule_action: 'removed' }).reply(200, { data: [] });

    expect((await run({ 'Rule Action': 'Removed Rules' })).returnData).toBe('Successful');
  });

  it('defaults Start Time to 24 hours before a given End Time', async () => {
    history({ start: '1677628800', end: '1677715200' }).reply(200, { data: [] });

    expect((await run({ 'End Time': '2023-03-02 00:00' })).returnData).toBe('Successful');
  });

  it('applies Rule Action, Classification and Query again when the API ignores them', async () => {
    const ssl = rule('self-signed', 'moderate', 'Hosts with Self-Signed SSL/TLS');
    const quiet = { ...rule('weak-cipher', 'moderate'), description: 'A self-signed chain' };
    history({
      ...LAST_DAY,
      rule_action: 'added',
      classification: 'moderate',
      query: 'self-SIGNED',
    }).reply(200, {
      data: [
        entry('2025-06-26 02:40:00', [ssl, quiet, rule('CVE-1', 'high')], [ssl]),
        entry('2025-06-25 02:40:00', [rule('other', 'moderate')], [ssl]),
      ],
    });

    const envelope = await run({
      'Rule Action': 'Added Rules',
      Classification: 'Moderate',
      Query: 'self-SIGNED',
    });

    expect(envelope.rawData).toEqual({
      data: [
        {
          ...entry('2025-06-26 02:40:00', [ssl, quiet]),
          counts: { added_rules: 2, removed_rules: 0 },
        },
      ],
    });
    expect(envelope.keyFields).toMatchObject({
      Snapshots: 1,
      'Added Rules': 2,
      'Removed Rules': 0,
    });
  });

  it('follows meta.pagination page by page up to total_pages', async () => {
    const meta = (page: number) => ({ pagination: { page, total_pages: 3 } });
    history().reply(200, { data: [entry('2025-06-25 00:00:00', [rule('a')])], meta: meta(1) });
    history({ ...LAST_DAY, page: '2' }).reply(200, {
      data: [entry('2025-06-25 12:00:00', [rule('b')])],
      meta: meta(2),
    });
    history({ ...LAST_DAY, page: '3' }).reply(200, {
      data: [entry('2025-06-26 00:00:00', [rule('c')])],
      meta: meta(3),
    });

    const envelope = await run();

    expect(envelope.keyFields).toMatchObject({
      Snapshots: 3,
      'Added Rules': 3,
      'Latest Snapshot': '2025-06-26 00:00:00',
    });
    expect(envelope.warnings).toBeUndefined();
  });

  it('warns when a page before total_pages comes back empty', async () => {
    const meta = (page: number) => ({ pagination: { page, total_pages: 3 } });
    history().reply(200, { data: [entry('2025-06-25 00:00:00', [rule('a')])], meta: meta(1) });
    history({ ...LAST_DAY, page: '2' }).reply(200, { data: [], meta: meta(2) });

    expect((await run()).warnings).toEqual([
      'Read 2 of 3 pages of history (a page was empty); later snapshots may be missing. ' +
        'Narrow Start Time and End Time.',
    ]);
  });

  it('returns each rule once when snapshot windows overlap across pages', async () => {
    const meta = (page: number) => ({ pagination: { page, total_pages: 2 } });
    const first = entry('2025-06-25 00:00:00', [rule('a'), rule('b'), rule('a')], [rule('x')]);
    const repeated = entry('2025-06-25 00:00:00', [rule('b'), rule('c')], [rule('x')]);
    const later = entry('2025-06-26 00:00:00', [rule('a')], [rule('b')], 70);
    history().reply(200, { data: [first], meta: meta(1) });
    history({ ...LAST_DAY, page: '2' }).reply(200, { data: [repeated, later], meta: meta(2) });

    const envelope = await run();

    expect(envelope.rawData).toEqual({
      data: [
        {
          ...entry('2025-06-25 00:00:00', [rule('a'), rule('b'), rule('c')], [rule('x')]),
          counts: { added_rules: 3, removed_rules: 1 },
        },
        later,
      ],
      meta: meta(1),
    });
    expect(envelope.keyFields).toEqual({
      Snapshots: 2,
      'Added Rules': 4,
      'Removed Rules': 2,
      'Latest Snapshot': '2025-06-26 00:00:00',
      'Latest Risk Score': 70,
    });
  });

  it.each([
    ['Rule Action is "Both"', { 'Rule Action': 'Both' }, 'Rule Action'],
    ['Classification is "Critical"', { Classification: 'Critical' }, 'Classification'],
    ['Start Time is not a date', { 'Start Time': 'yesterday' }, 'Start Time'],
    ['End Time is an impossible date', { 'End Time': '2023-02-30 00:00' }, 'End Time'],
    [
      'Start Time is after End Time',
      { 'Start Time': '2023-03-02T00:00:00Z', 'End Time': '2023-03-01T00:00:00Z' },
      'Start Time must be before End Time',
    ],
    ['Start Time is in the future', { 'Start Time': '2030-01-01T00:00:00Z' }, 'now (2025-06-26'],
    ['Project ID is missing', { 'Project ID': undefined }, 'Project ID'],
  ])('fails with INPUT_INVALID before any request when %s', async (_, inputs, text) => {
    expect((await run(inputs)).error).toMatchObject({
      failureIndicator: 'Get Issue History failed.',
      code: 'INPUT_INVALID',
      statusCode: null,
      message: expect.stringContaining(text),
    });
  });

  it.each([
    [404, 'Project ID Not Found.', 'NOT_FOUND'],
    [401, 'Invalid API key', 'AUTH_FAILED'],
    [403, 'Forbidden', 'ACCESS_DENIED'],
    [429, "You've exceeded the usage limits for your account.", 'QUOTA_EXHAUSTED'],
  ])('surfaces %i "%s" with code %s', async (status, message, code) => {
    history().reply(status, { message });

    expect((await run()).error).toMatchObject({
      failureIndicator: 'Get Issue History failed.',
      statusCode: status,
      message,
      code,
    });
  });

  it('runs on a v1 connection', async () => {
    history().reply(200, { data: [] });

    expect((await run({}, { apiVersion: 'v1' })).returnData).toBe('Successful');
  });

  it('returns exactly the key fields the manifest declares', async () => {
    history().reply(200, { data: [] });

    const declared = (await connector()).command('Get Issue History')?.keyFields;
    expect(Object.keys((await run()).keyFields ?? {}).sort()).toEqual([...(declared ?? [])].sort());
  });

  describe.skipIf(!existsSync(XSOAR))('with the recorded XSOAR response', () => {
    it('reads the three added rules of the first snapshot', async () => {
      const recorded = JSON.parse(readFileSync(new URL('added-issues.json', XSOAR), 'utf8'));
      history({ ...LAST_DAY, rule_action: 'added' }).reply(200, recorded);

      const envelope = await run({ 'Rule Action': 'Added Rules' });

      expect(envelope.rawData).toEqual(recorded);
      expect(envelope.keyFields).toEqual({
        Snapshots: 1,
        'Added Rules': 3,
        'Removed Rules': 0,
        'Latest Snapshot': '2022-07-07 06:08:33',
        'Latest Risk Score': 99,
      });
    });

    it('keeps only the informational rule when Classification is Informational', async () => {
      const recorded = JSON.parse(readFileSync(new URL('added-issues.json', XSOAR), 'utf8'));
      history({ ...LAST_DAY, classification: 'informational' }).reply(200, recorded);

      const envelope = await run({ Classification: 'Informational' });

      const [only] = (envelope.rawData as { data: { added_rules: Rule[] }[] }).data;
      expect(only?.added_rules.map((kept) => kept.id)).toEqual(['aem-default-get-servlet']);
    });
  });

  describe.skipIf(!existsSync(OPENCTI))('with the OpenCTI fixture', () => {
    it('reads an entry without snapshot or risk score', async () => {
      const recorded = JSON.parse(
        readFileSync(new URL('risk_history_activity.json', OPENCTI), 'utf8'),
      );
      history().reply(200, recorded);

      const envelope = await run();

      expect(envelope.rawData).toEqual(recorded);
      expect(envelope.keyFields).toEqual({
        Snapshots: 1,
        'Added Rules': 1,
        'Removed Rules': 1,
        'Latest Snapshot': null,
        'Latest Risk Score': null,
      });
    });
  });
});
