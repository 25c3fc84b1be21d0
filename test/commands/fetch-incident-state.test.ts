import { describe, expect, it } from 'vitest';
import { MAX_HISTORY_PAGES } from '../../commands/shared/risk-history.js';
import {
  DAY_S,
  NOW_S,
  body,
  diff,
  expectHistory,
  fetchRun,
  issueKeys,
  rule,
  savedState,
  seconds,
} from './fetch-incident-history.js';

const FIRST_WINDOW = { start: NOW_S - DAY_S, end: NOW_S };
const A = '2025-06-25 01:00:00';
const B = '2025-06-25 09:00:00';
const C = '2025-06-25 17:00:00';

function from(snapshot: string) {
  return { start: seconds(snapshot), end: NOW_S };
}

/** A snapshot to resume is asked for from one second before it. */
function resuming(snapshot: string) {
  return { start: seconds(snapshot) - 1, end: NOW_S };
}

function stateInput(state: unknown) {
  return { 'Previous Snapshot Fetch State': state };
}

describe('Fetch Incident state', () => {
  it('on a first run delivers every snapshot of the window and saves the newest, fetched', async () => {
    expectHistory(FIRST_WINDOW).reply(
      200,
      body([diff(A, { added: [rule('a', 'high')] }), diff(B, { added: [rule('b', 'moderate')] })]),
    );

    const envelope = await fetchRun();

    expect(envelope.keyFields).toMatchObject({ 'New Snapshots': [A, B], Events: 2, Incidents: 2 });
    expect(envelope.state).toEqual({ snapshot_time: B, is_fetched: true });
  });

  it('with nothing new returns the saved state unchanged and delivers nothing', async () => {
    const state = { snapshot_time: B, is_fetched: true };
    expectHistory(from(B)).reply(200, body([diff(B, { added: [rule('b', 'moderate')] })]));

    const envelope = await fetchRun(stateInput(state));

    expect(envelope).toMatchObject({
      events: [],
      incidents: [],
      state,
      keyFields: { 'New Snapshots': [], 'Latest Snapshot': B },
    });
  });

  it('delivers one new snapshot after the saved one and moves the state to it', async () => {
    expectHistory(from(A)).reply(
      200,
      body([diff(A, { added: [rule('a', 'high')] }), diff(B, { removed: [rule('a', 'high')] })]),
    );

    const envelope = await fetchRun(stateInput({ snapshot_time: A, is_fetched: true }));

    expect(envelope.events).toEqual([
      expect.objectContaining({ 'Event code': 'a', Status: 'Resolved', 'Start Time': B }),
    ]);
    expect(envelope.state).toEqual({ snapshot_time: B, is_fetched: true });
  });

  it('delivers several new snapshots oldest first, whatever order they came in', async () => {
    expectHistory(from(A)).reply(
      200,
      body([
        diff(C, { added: [rule('c', 'informational')] }),
        diff(A),
        diff(B, { added: [rule('b', 'high')] }),
      ]),
    );

    const envelope = await fetchRun(stateInput({ snapshot_time: A, is_fetched: true }));

    expect(envelope.keyFields).toMatchObject({
      'New Snapshots': [B, C],
      Events: 2,
      'Latest Snapshot': C,
    });
    expect(envelope.events?.map((event) => event['Event code'])).toEqual(['b', 'c']);
  });

  it('moves the state to a new snapshot that changed nothing, as it was received', async () => {
    expectHistory(from(A)).reply(200, body([diff(B)]));

    const envelope = await fetchRun(stateInput({ snapshot_time: A, is_fetched: true }));

    expect(envelope).toMatchObject({ events: [], state: { snapshot_time: B, is_fetched: true } });
  });

  it('keeps the state when a page fails mid-run, and the next run delivers everything once', async () => {
    const saved = { snapshot_time: A, is_fetched: true };
    const page1 = body([diff(B, { added: [rule('b1', 'high'), rule('b2', 'high')] })], {
      page: 1,
      total_pages: 2,
    });
    const page2 = body([diff(C, { added: [rule('c', 'moderate')] })], { page: 2, total_pages: 2 });
    expectHistory(from(A)).reply(200, page1);
    expectHistory({ ...from(A), page: 2 }).reply(500, { message: 'Internal error' });

    const failed = await fetchRun(stateInput(saved));

    expect(failed).toMatchObject({
      returnData: 'Failed',
      error: { code: 'UPSTREAM_ERROR', statusCode: 500 },
    });
    expect(failed.state).toBeUndefined();

    expectHistory(from(A)).reply(200, page1);
    expectHistory({ ...from(A), page: 2 }).reply(200, page2);
    const retried = await fetchRun(stateInput(saved));

    expect(retried.events?.map((event) => event['Event code'])).toEqual(['b1', 'b2', 'c']);
    expect(new Set(issueKeys(retried)).size).toBe(3);
    expect(retried.state).toEqual({ snapshot_time: C, is_fetched: true });
  });

  it('drops what an overlapping window sends again, once by the state and once by unique key', async () => {
    const b = rule('b', 'high');
    expectHistory(FIRST_WINDOW).reply(
      200,
      body([diff(A, { added: [rule('a', 'high')] }), diff(B, { added: [b] })]),
    );
    const first = await fetchRun();

    expectHistory(from(B)).reply(
      200,
      body([
        diff(A, { added: [rule('a', 'high')] }),
        diff(B, { added: [b] }),
        diff(C, { added: [rule('c', 'high')] }),
        diff(C, { added: [rule('c', 'high')] }),
      ]),
    );
    const second = await fetchRun(stateInput(first.state));

    expect(issueKeys(second)).toHaveLength(1);
    expect(issueKeys(first)).not.toContain(issueKeys(second)[0]);
    expect(second.state).toEqual({ snapshot_time: C, is_fetched: true });
  });

  it('resumes a saved snapshot that is not fully fetched, skipping the keys it already delivered', async () => {
    const rules = [rule('b1', 'high'), rule('b2', 'moderate'), rule('b3', 'informational')];
    expectHistory(resuming(B)).reply(200, body([diff(B, { added: rules })]));
    const all = issueKeys(await fetchRun(stateInput({ snapshot_time: B, is_fetched: false })));

    expectHistory(resuming(B)).reply(200, body([diff(B, { added: rules })]));
    const resumed = await fetchRun(
      stateInput({ snapshot_time: B, is_fetched: false, delivered_keys: all.slice(0, 2) }),
    );

    expect(all).toHaveLength(3);
    expect(issueKeys(resumed)).toEqual([all[2]]);
    expect(resumed.state).toEqual({ snapshot_time: B, is_fetched: true });
  });

  it('saves the newest snapshot as not fetched, with its keys, when the page cap stops the read', async () => {
    const totalPages = MAX_HISTORY_PAGES + 2;
    const snapshotOf = (page: number) => (page <= MAX_HISTORY_PAGES / 2 ? A : B);
    for (let page = 1; page <= MAX_HISTORY_PAGES; page += 1) {
      const query = page === 1 ? FIRST_WINDOW : { ...FIRST_WINDOW, page };
      expectHistory(query).reply(
        200,
        body([diff(snapshotOf(page), { added: [rule(`r${page}`, 'high')] })], {
          page,
          total_pages: totalPages,
        }),
      );
    }

    const capped = await fetchRun();

    const state = savedState(capped);
    expect(capped.events).toHaveLength(MAX_HISTORY_PAGES);
    expect(state).toMatchObject({ snapshot_time: B, is_fetched: false });
    expect(state?.delivered_keys).toHaveLength(MAX_HISTORY_PAGES / 2);
    expect(capped.warnings).toEqual([
      expect.stringContaining(`Read ${MAX_HISTORY_PAGES} of ${totalPages} pages`),
    ]);

    // The resume asks from B: B's delivered rules come again with one more on a later page.
    const again = Array.from({ length: MAX_HISTORY_PAGES / 2 }, (_, index) =>
      rule(`r${MAX_HISTORY_PAGES / 2 + index + 1}`, 'high'),
    );
    expectHistory(resuming(B)).reply(
      200,
      body([diff(B, { added: [...again, rule('late', 'high')] })]),
    );
    const resumed = await fetchRun(stateInput(state));

    expect(resumed.events?.map((event) => event['Event code'])).toEqual(['late']);
    expect(resumed.state).toEqual({ snapshot_time: B, is_fetched: true });
  });

  it('takes a page that ends early as an unfinished read, to resume', async () => {
    expectHistory(FIRST_WINDOW).reply(
      200,
      body([diff(A, { added: [rule('a', 'high')] })], { page: 1, total_pages: 3 }),
    );
    expectHistory({ ...FIRST_WINDOW, page: 2 }).reply(200, body([], { page: 2, total_pages: 3 }));

    const envelope = await fetchRun();

    expect(envelope.state).toMatchObject({
      snapshot_time: A,
      is_fetched: false,
      delivered_keys: issueKeys(envelope),
    });
  });
});
