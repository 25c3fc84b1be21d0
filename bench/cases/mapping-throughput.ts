import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSONPath } from 'jsonpath-plus';
import { compileMapping, type MappingFile } from '../../runtime/mapping/mapping.js';
import { anchorPath } from '../../runtime/mapping/path-syntax.js';
import { packageRoot } from '../../runtime/manifest/locate.js';
import { interleave, median, result, type BenchResult } from '../harness.js';
import { syntheticIntake } from './issues.js';

const ITEMS = 100_000;
/** jsonpath-plus afresh per item is far slower; it runs on a slice and is scaled per item. */
const NAIVE_SLICE = 5_000;

type Item = Record<string, unknown>;

function handWritten(data: { Issues: Item[] }): Record<string, unknown>[] {
  return data.Issues.map((issue) => {
    const entities = issue.example_entities as Record<string, Item[]> | undefined;
    const first =
      entities === undefined
        ? undefined
        : Object.values(entities).find((list) => list.length > 0)?.[0];
    const counts = (issue.rule_metadata as { entity_counts?: Item } | undefined)?.entity_counts;
    return {
      'Host Additional': first?.additional ?? null,
      'Host Sort Value': first?.sort_value ?? null,
      'Issue Domain Count': counts?.domains ?? null,
      'Issue IP Count': counts?.ips ?? null,
      'Snapshot Risk Score': issue.risk_score ?? null,
      'Event code': issue.id ?? null,
      'Event name': issue.name ?? null,
      Hostname: first?.example ?? null,
      'Start Time': issue.snapshot ?? null,
      Description: issue.description ?? null,
      Severity: issue.classification ?? null,
      Status: issue.Status ?? null,
    };
  });
}

function naive(file: MappingFile, items: Item[]): Record<string, unknown>[] {
  return items.map((item) => {
    const mapped: Record<string, unknown> = {};
    for (const field of file.fields) {
      if (field.source === undefined) continue;
      const matches = JSONPath({
        path: anchorPath(field.source),
        json: item,
        wrap: true,
        eval: false,
      }) as unknown[];
      mapped[field.name] = matches.length === 0 ? null : matches[0];
    }
    return mapped;
  });
}

export async function mappingThroughput(): Promise<BenchResult[]> {
  const root = packageRoot();
  const file = JSON.parse(
    readFileSync(join(root, 'mappings/fetch-incident.events.json'), 'utf8'),
  ) as MappingFile;
  const mapping = compileMapping(file, 'events');
  const data = syntheticIntake(ITEMS) as { Issues: Item[]; Results: Item[] };
  const slice = data.Issues.slice(0, NAIVE_SLICE);

  const samples = await interleave(
    [
      { name: 'compiled', run: () => mapping.apply(data) },
      { name: 'hand', run: () => handWritten(data) },
      { name: 'naive', run: () => naive(file, slice) },
    ],
    { warmup: 2, rounds: 7 },
  );

  const perSecond = (name: string, items: number) =>
    items / (median(samples.get(name) ?? []) / 1000);
  const compiled = perSecond('compiled', ITEMS);
  const hand = perSecond('hand', ITEMS);
  const fresh = perSecond('naive', NAIVE_SLICE);
  return [
    result(
      'mapping-throughput vs hand-written',
      'events/s',
      compiled,
      hand,
      `${ITEMS} issues, 12 fields`,
    ),
    result(
      'mapping-throughput vs jsonpath-plus per item',
      'events/s',
      compiled,
      fresh,
      `jsonpath-plus on ${NAIVE_SLICE} issues`,
    ),
  ];
}
