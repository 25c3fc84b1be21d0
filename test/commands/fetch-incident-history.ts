import nock from 'nock';
import { API, connection, connector, fastOptions } from '../helpers/connector.js';
import type { Envelope } from '../../runtime/types.js';

/** Builders for risk history payloads shaped like the recorded ones (xsoar-rf-asi). */
export const PROJECT = 'c797a1e0-5b2f-4d0e-9f6c-6e1d2a3bdc4f';
export const HISTORY = `/v1/asi/rules/history/${PROJECT}/activity`;
export const NOW = Date.parse('2025-06-26T00:00:00Z');
export const NOW_S = NOW / 1000;
export const DAY_S = 86_400;

type Classification = 'high' | 'moderate' | 'informational';

export function rule(
  id: string,
  classification: Classification,
  host: string | null = `${id}.example.com`,
): Rule {
  return {
    id,
    name: `Rule ${id}`,
    description: `What ${id} means.`,
    classification,
    example_entities:
      host === null
        ? {}
        : { domains: [{ example: host, sort_value: 55, target: `https://${host}/` }], ips: [] },
    rule_metadata: { entity_counts: { domains: host === null ? 0 : 1, ips: 0 }, references: [] },
  };
}

/** A rule as the history endpoint sends it; tests vary its shape freely. */
export type Rule = Record<string, unknown>;

export function diff(
  snapshot: string,
  changes: { added?: Rule[]; removed?: Rule[]; risk?: number } = {},
) {
  const { added = [], removed = [], risk = 55 } = changes;
  return {
    added_rules: added,
    removed_rules: removed,
    counts: { added_rules: added.length, removed_rules: removed.length },
    previous_risk_score: 40,
    previous_snapshot: null,
    risk_score: risk,
    snapshot,
  };
}

export function body(diffs: unknown[], pagination?: { page: number; total_pages: number }) {
  return {
    data: diffs,
    meta: {
      params: { classification: [], end: null, query: null, rule_action: null, start: null },
      ...(pagination && { pagination }),
    },
  };
}

/** Unix seconds of a `YYYY-MM-DD HH:MM:SS` snapshot (UTC). */
export function seconds(snapshot: string): number {
  return Date.parse(`${snapshot.replace(' ', 'T')}Z`) / 1000;
}

export function expectHistory(query: Record<string, number>) {
  const asText = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return nock(API).get(HISTORY).query(asText);
}

export async function fetchRun(inputs: Record<string, unknown> = {}): Promise<Envelope> {
  return (await connector()).execute(
    'Fetch Incident',
    { 'Project ID': PROJECT, ...inputs },
    connection(),
    fastOptions({ now: () => NOW }),
  );
}

export function savedState(envelope: Envelope): Record<string, unknown> | undefined {
  return (envelope.state ?? undefined) as Record<string, unknown> | undefined;
}

export function issueKeys(envelope: Envelope): string[] {
  const raw = envelope.rawData as { Issues: { unique_key: string }[] };
  return raw.Issues.map((issue) => issue.unique_key);
}
