import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../../commands/shared/risk-issues.js';
import { loadMapping } from '../../../runtime/mapping/mapping.js';

const EVENTS = fileURLToPath(
  new URL('../../../mappings/fetch-incident.events.json', import.meta.url),
);
const INCIDENTS = fileURLToPath(
  new URL('../../../mappings/fetch-incident.incidents.json', import.meta.url),
);
const RECORDED = new URL(
  '../../../../shared/recorded/xsoar-rf-asi/added-issues.json',
  import.meta.url,
);

const DOCUMENTED_EVENT_FIELDS = [
  'Host Additional',
  'Host Sort Value',
  'Issue Domain Count',
  'Issue IP Count',
  'Snapshot Risk Score',
  'Event code',
  'Event name',
  'Hostname',
  'Start Time',
  'Description',
  'Severity',
  'Status',
];

/** Issues as Fetch Incident builds them from one history entry of the activity endpoint. */
function issuesFrom(entry: Record<string, unknown>) {
  const epochMs = Date.parse(`${String(entry.snapshot).replace(' ', 'T')}Z`);
  return issuesOf(
    {
      snapshot: String(entry.snapshot),
      epochMs,
      previousSnapshot: null,
      riskScore: entry.risk_score as number,
      added: (entry.added_rules ?? []) as Record<string, unknown>[],
      removed: (entry.removed_rules ?? []) as Record<string, unknown>[],
    },
    'project-1',
  );
}

describe('the event mapping of Fetch Incident', () => {
  it('maps the twelve documented event fields, in the documented order', async () => {
    const mapping = await loadMapping(EVENTS);

    expect(mapping.fieldNames).toEqual(DOCUMENTED_EVENT_FIELDS);
  });

  it('reads every field from an issue that carries product details and IPs', async () => {
    const mapping = await loadMapping(EVENTS);
    const entry = {
      snapshot: '2025-06-25 02:41:07',
      risk_score: 92,
      added_rules: [],
      removed_rules: [
        {
          id: 'cve-OpenSSL',
          name: 'Vulnerable Version of OpenSSL',
          description: 'Runs OpenSSL 1.0.2k.',
          classification: 'high',
          example_entities: {
            domains: [
              { example: 'mail.example.com', sort_value: 89, additional: 'OpenSSL 1.0.2k' },
            ],
            ips: [{ example: '198.51.100.7', sort_value: 80, additional: 'OpenSSL 1.0.1' }],
          },
          rule_metadata: { entity_counts: { domains: 4, ips: 2 }, references: [] },
        },
      ],
    };

    expect(mapping.apply({ Issues: issuesFrom(entry) })).toEqual([
      {
        'Host Additional': 'OpenSSL 1.0.2k',
        'Host Sort Value': 89,
        'Issue Domain Count': 4,
        'Issue IP Count': 2,
        'Snapshot Risk Score': 92,
        'Event code': 'cve-OpenSSL',
        'Event name': 'Vulnerable Version of OpenSSL',
        Hostname: 'mail.example.com',
        'Start Time': '2025-06-25 02:41:07',
        Description: 'Runs OpenSSL 1.0.2k.',
        Severity: 'high',
        Status: 'Resolved',
      },
    ]);
  });

  it('takes the first entity kind that has the field: an IP when the domain has no additional', async () => {
    const mapping = await loadMapping(EVENTS);
    const rule = {
      id: 'x',
      example_entities: {
        domains: [{ example: 'a.example.com', sort_value: 1 }],
        ips: [{ example: '203.0.113.9', additional: 'nginx 1.18' }],
      },
    };

    const [event] = mapping.apply({ Issues: [rule] });

    expect(event).toMatchObject({
      'Host Additional': 'nginx 1.18',
      Hostname: 'a.example.com',
      'Host Sort Value': 1,
    });
  });

  it('maps every incident field, constants included', async () => {
    const mapping = await loadMapping(INCIDENTS);
    const result = {
      title: 'T',
      description: 'D',
      severity: 'High',
      origin_id: 'o',
      unique_key: 'k',
      host: 'h',
    };

    expect(mapping.apply({ Results: [result] })).toEqual([
      expect.objectContaining({
        Title: 'T',
        Description: 'D',
        Severity: 'High',
        'Origin ID': 'o',
        'Unique Key': 'k',
        'Incident Owner': null,
      }),
    ]);
  });

  describe.skipIf(!existsSync(RECORDED))('with the recorded added-issues.json', () => {
    it('maps each of the twelve fields of the three recorded issues', async () => {
      const mapping = await loadMapping(EVENTS);
      const recorded = JSON.parse(readFileSync(RECORDED, 'utf8')) as {
        data: Record<string, unknown>[];
      };

      const events = mapping.apply({ Issues: recorded.data.flatMap(issuesFrom) });

      expect(events).toHaveLength(3);
      expect(events[0]).toEqual({
        'Host Additional': null,
        'Host Sort Value': 99,
        'Issue Domain Count': 1,
        'Issue IP Count': 0,
        'Snapshot Risk Score': 99,
        'Event code': 'CVE-2020-35489',
        'Event name': 'WordPress Contact Form 7 Plugin - Unrestricted File Upload (CVE-2020-35489)',
        Hostname: 'example3.com',
        'Start Time': '2022-07-07 06:08:33',
        Description: expect.stringContaining('Contact Form 7 before 5.3.2'),
        Severity: 'high',
        Status: 'Added',
      });
      expect(events.map((event) => event.Severity)).toEqual(['high', 'moderate', 'informational']);
      expect(events.map((event) => event.Hostname)).toEqual([
        'example3.com',
        'example5.com',
        'example6.com',
      ]);
    });
  });
});
