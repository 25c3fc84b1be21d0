/**
 * Synthetic Fetch Incident raw data in the shape the handler produces: history rules with
 * example entities and entity counts, plus snapshot, risk score, status and unique key.
 */
export function syntheticIntake(count: number): { Issues: unknown[]; Results: unknown[] } {
  const classifications = ['high', 'moderate', 'informational'];
  const Issues = Array.from({ length: count }, (_, index) => {
    const host = `host-${index % 5000}.example.com`;
    return {
      id: `rule-${index % 700}`,
      name: `Rule ${index % 700}`,
      description: 'Searches for an exposed configuration file on the host.',
      classification: classifications[index % 3],
      example_entities: {
        domains: [{ example: host, sort_value: index % 100, additional: `v${index % 9}` }],
        ips: [],
      },
      rule_metadata: {
        entity_counts: { domains: 1 + (index % 4), ips: index % 2 },
        references: [],
      },
      snapshot: '2025-05-19 06:08:33',
      previous_snapshot: '2025-05-12 05:59:10',
      risk_score: index % 100,
      Status: index % 4 === 0 ? 'Resolved' : 'Added',
      host,
      unique_key: `p1|2025-05-19 06:08:33|${host}|rule-${index % 700}|added`,
    };
  });
  const Results = Array.from({ length: Math.ceil(count / 10) }, (_, index) => ({
    unique_key: `p1|2025-05-19 06:08:33|host-${index}.example.com`,
    origin_id: `host-${index}.example.com@2025-05-19 06:08:33`,
    title: `Risk changes on host-${index}.example.com`,
    description: '10 issues changed.',
    severity: 'High',
    host: `host-${index}.example.com`,
    snapshot: '2025-05-19 06:08:33',
    risk_score: index % 100,
    issues: [],
  }));
  return { Issues, Results };
}
