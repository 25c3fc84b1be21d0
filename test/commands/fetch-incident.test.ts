import { existsSync, readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { stableKey } from '../../commands/shared/risk-issues.js';
import { API } from '../helpers/connector.js';
import {
  DAY_S,
  HISTORY,
  NOW_S,
  PROJECT,
  body,
  diff,
  expectHistory,
  fetchRun,
  rule,
  seconds,
} from './fetch-incident-history.js';

const RECORDED = new URL('../../../shared/recorded/xsoar-rf-asi/', import.meta.url);
const SNAPSHOT = '2025-06-25 02:41:07';

describe('Fetch Incident', () => {
  it('turns added and removed rules into issues, mapped events and one incident per host', async () => {
    const added = rule('CVE-2024-6387', 'high', 'vpn.example.com');
    const removed = rule('directory-listing', 'moderate', 'vpn.example.com');
    expectHistory({ start: NOW_S - DAY_S, end: NOW_S }).reply(
      200,
      body([diff(SNAPSHOT, { added: [added], removed: [removed], risk: 92 })]),
    );

    const envelope = await fetchRun();

    const addedKey = stableKey(PROJECT, SNAPSHOT, 'vpn.example.com', 'CVE-2024-6387', 'Added');
    const removedKey = stableKey(
      PROJECT,
      SNAPSHOT,
      'vpn.example.com',
      'directory-listing',
      'Resolved',
    );
    const incidentKey = stableKey(
      PROJECT,
      SNAPSHOT,
      'vpn.example.com',
      'incident',
      addedKey,
      removedKey,
    );
    const facts = {
      snapshot: SNAPSHOT,
      previous_snapshot: null,
      risk_score: 92,
      host: 'vpn.example.com',
      project_id: PROJECT,
    };
    const state = { snapshot_time: SNAPSHOT, is_fetched: true };
    expect(envelope).toEqual({
      command: 'Fetch Incident',
      returnData: 'Successful',
      rawData: {
        Issues: [
          { ...added, ...facts, Status: 'Added', unique_key: addedKey },
          { ...removed, ...facts, Status: 'Resolved', unique_key: removedKey },
        ],
        Results: [
          {
            unique_key: incidentKey,
            origin_id: `${PROJECT}/${SNAPSHOT}/vpn.example.com`,
            title: `vpn.example.com: 1 issue added, 1 resolved (snapshot ${SNAPSHOT})`,
            description:
              'Added [high] CVE-2024-6387: Rule CVE-2024-6387\n' +
              'Resolved [moderate] directory-listing: Rule directory-listing',
            severity: 'High',
            host: 'vpn.example.com',
            snapshot: SNAPSHOT,
            risk_score: 92,
            issues: [
              {
                id: 'CVE-2024-6387',
                name: 'Rule CVE-2024-6387',
                classification: 'high',
                Status: 'Added',
                unique_key: addedKey,
              },
              {
                id: 'directory-listing',
                name: 'Rule directory-listing',
                classification: 'moderate',
                Status: 'Resolved',
                unique_key: removedKey,
              },
            ],
          },
        ],
      },
      keyFields: {
        'New Snapshots': [SNAPSHOT],
        Events: 2,
        Incidents: 1,
        'Latest Snapshot': SNAPSHOT,
        State: state,
      },
      events: [
        expect.objectContaining({
          'Event code': 'CVE-2024-6387',
          Status: 'Added',
          Severity: 'high',
        }),
        expect.objectContaining({ 'Event code': 'directory-listing', Status: 'Resolved' }),
      ],
      incidents: [
        expect.objectContaining({
          Title: expect.stringContaining('vpn.example.com'),
          Severity: 'High',
          'Unique Key': incidentKey,
        }),
      ],
      state,
      executionId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });

  it('returns the key fields the manifest declares', async () => {
    expectHistory({ start: NOW_S - DAY_S, end: NOW_S }).reply(200, body([]));
    const manifest = JSON.parse(
      readFileSync(new URL('../../connector.manifest.json', import.meta.url), 'utf8'),
    );
    const declared = manifest.commands.find(
      (command: { name: string }) => command.name === 'Fetch Incident',
    );

    const envelope = await fetchRun();

    expect(Object.keys(envelope.keyFields ?? {})).toEqual(declared.keyFields);
  });

  it('asks for Start Time to End Time as Unix seconds when there is no state', async () => {
    const start = seconds('2025-06-01 00:00:00');
    const end = seconds('2025-06-02 12:30:00');
    expectHistory({ start, end }).reply(200, body([]));

    const envelope = await fetchRun({
      'Start Time': '2025-06-01 00:00',
      'End Time': '2025-06-02T12:30:00Z',
    });

    expect(envelope.returnData).toBe('Successful');
    expect(envelope.state).toBeNull();
  });

  it('starts at the saved snapshot and ignores Start Time when there is a state', async () => {
    expectHistory({ start: seconds(SNAPSHOT), end: NOW_S }).reply(200, body([]));

    const envelope = await fetchRun({
      'Start Time': '2020-01-01 00:00',
      'Previous Snapshot Fetch State': JSON.stringify({
        snapshot_time: SNAPSHOT,
        is_fetched: true,
      }),
    });

    expect(envelope.state).toEqual({ snapshot_time: SNAPSHOT, is_fetched: true });
  });

  it('reads every page from 1 to meta.pagination.total_pages', async () => {
    const window = { start: NOW_S - DAY_S, end: NOW_S };
    expectHistory(window).reply(
      200,
      body([diff('2025-06-25 01:00:00', { added: [rule('a', 'high')] })], {
        page: 1,
        total_pages: 3,
      }),
    );
    expectHistory({ ...window, page: 2 }).reply(
      200,
      body([diff('2025-06-25 01:00:00', { added: [rule('b', 'high')] })], {
        page: 2,
        total_pages: 3,
      }),
    );
    expectHistory({ ...window, page: 3 }).reply(
      200,
      body([diff('2025-06-25 09:00:00', { removed: [rule('a', 'high')] })], {
        page: 3,
        total_pages: 3,
      }),
    );

    const envelope = await fetchRun();

    expect(
      (envelope.rawData as { Issues: { id: string }[] }).Issues.map((issue) => issue.id),
    ).toEqual(['a', 'b', 'a']);
    expect(envelope.keyFields).toMatchObject({
      'New Snapshots': ['2025-06-25 01:00:00', '2025-06-25 09:00:00'],
      Incidents: 3,
    });
    expect(envelope.state).toEqual({ snapshot_time: '2025-06-25 09:00:00', is_fetched: true });
  });

  it('takes the host from the first domain, else the first IP, else none', async () => {
    const onIp = {
      ...rule('ip-only', 'informational', null),
      example_entities: { domains: [], ips: [{ example: '203.0.113.24', sort_value: 20 }] },
    };
    const nowhere = rule('no-entities', 'moderate', null);
    expectHistory({ start: NOW_S - DAY_S, end: NOW_S }).reply(
      200,
      body([diff(SNAPSHOT, { added: [onIp, nowhere] })]),
    );

    const envelope = await fetchRun();

    const raw = envelope.rawData as {
      Issues: { host: unknown }[];
      Results: { host: unknown; title: string; severity: string }[];
    };
    expect(raw.Issues.map((issue) => issue.host)).toEqual(['203.0.113.24', null]);
    expect(raw.Results).toMatchObject([
      { host: '203.0.113.24', severity: 'Low' },
      {
        host: null,
        severity: 'Medium',
        title: `Project ${PROJECT}: 1 issue added, 0 resolved (snapshot ${SNAPSHOT})`,
      },
    ]);
  });

  it.each([
    [
      'a time that does not exist',
      { snapshot_time: '2024-02-30 08:56:18', is_fetched: true },
      'snapshot_time',
    ],
    ['no is_fetched', { snapshot_time: '2024-12-30 08:56:18' }, 'is_fetched'],
    ['text that is not JSON', '{snapshot_time: 2024-12-30}', 'JSON'],
    [
      'a key of another shape',
      { snapshot_time: '2024-12-30 08:56:18', is_fetched: false, delivered_keys: ['x'] },
      'delivered_keys',
    ],
  ])(
    'fails with INPUT_INVALID naming the state parameter when it holds %s',
    async (_label, state, mention) => {
      const envelope = await fetchRun({
        'Previous Snapshot Fetch State': typeof state === 'string' ? state : JSON.stringify(state),
      });

      expect(envelope.returnData).toBe('Failed');
      expect(envelope.error).toMatchObject({
        failureIndicator: 'Fetch Incident failed.',
        code: 'INPUT_INVALID',
        statusCode: null,
        message: expect.stringContaining('Previous Snapshot Fetch State'),
        details: expect.objectContaining({ parameter: 'Previous Snapshot Fetch State' }),
      });
      expect(envelope.error?.message).toContain(mention);
      expect(envelope.state).toBeUndefined();
    },
  );

  it('fails with INPUT_INVALID when Start Time is after End Time, before any request', async () => {
    const envelope = await fetchRun({
      'Start Time': '2025-06-02 00:00',
      'End Time': '2025-06-01 00:00',
    });

    expect(envelope.error).toMatchObject({
      code: 'INPUT_INVALID',
      details: { parameter: 'Start Time' },
    });
    expect(envelope.error?.message).toContain('Start Time must be before End Time');
  });

  it('fetches nothing when the saved snapshot is after End Time, keeping the state', async () => {
    const state = { snapshot_time: SNAPSHOT, is_fetched: true };

    const envelope = await fetchRun({
      'End Time': '2025-06-01 00:00',
      'Previous Snapshot Fetch State': state,
    });

    expect(envelope).toMatchObject({ returnData: 'Successful', events: [], incidents: [], state });
    expect(envelope.warnings?.[0]).toContain('after End Time');
  });

  it('surfaces 404 Unknown Project with the vendor message', async () => {
    nock(API).get(HISTORY).query(true).reply(404, { message: 'Unknown Project.' });

    const envelope = await fetchRun();

    expect(envelope.error).toMatchObject({
      failureIndicator: 'Fetch Incident failed.',
      statusCode: 404,
      message: 'Unknown Project.',
      code: 'NOT_FOUND',
    });
  });

  describe.skipIf(!existsSync(RECORDED))('with the recorded XSOAR history response', () => {
    it('reads the three added issues and their host incidents', async () => {
      const recorded = JSON.parse(readFileSync(new URL('added-issues.json', RECORDED), 'utf8'));
      expectHistory({ start: NOW_S - DAY_S, end: NOW_S }).reply(200, recorded);

      const envelope = await fetchRun();

      expect(envelope.events).toHaveLength(3);
      expect(envelope.events?.[0]).toMatchObject({
        Hostname: 'example3.com',
        'Start Time': '2022-07-07 06:08:33',
      });
      expect((envelope.incidents ?? []).map((incident) => incident.Severity)).toEqual([
        'High',
        'Medium',
        'Low',
      ]);
      expect(envelope.state).toEqual({ snapshot_time: '2022-07-07 06:08:33', is_fetched: true });
    });
  });
});
