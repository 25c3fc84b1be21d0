import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from './harness.js';
import type { Json } from './harness.js';

const FIELDS =
  'custom_tags,dns_records,whois,ip_metadata,open_tcp_ports,open_udp_ports,web_technologies,certificates,defenses';
type Check = (asset: Json) => boolean;

const ports = (a: Json): Json[] => (a.scanned_ips ?? []).flatMap((ip: Json) => ip.open_ports);
const instances = (a: Json): Json[] => ports(a).flatMap((p) => p.instances);
const certs = (a: Json): Json[] => (a.certificates ?? []).map((c: Json) => c.certificate);
const dns = (a: Json, type: string): Json[] =>
  (a.dns_records ?? []).filter((r: Json) => r.record_type === type).flatMap((r: Json) => r.value);
const meta = (a: Json): Json[] => (a.scanned_ips ?? []).map((ip: Json) => ip.metadata);
const severities = (a: Json): string[] => a.exposures.map((e: Json) => e.severity);

describe('Find Assets filters', () => {
  const api = useEmulator();
  const project = () => api.emulator.projectIds[0] ?? '';
  let sample: Json;

  async function find(query: string): Promise<Json> {
    const reply = await api.get(
      `/v2/projects/${project()}/assets?limit=300&additional_fields=${FIELDS}&${query}`,
    );
    expect(reply.status).toBe(200);
    return reply.body;
  }

  beforeAll(async () => {
    // A well-described asset to take per-asset values (IPs, certificate hashes) from.
    const body = await find(
      'asset_type=domain&has_dns_record_type=CNAME&open_port_number=443&dns_resolves=true',
    );
    sample = body.data.find((a: Json) => certs(a).length > 0);
  });

  const cases: [string, () => string, Check][] = [
    ['asset_type=ip', () => 'asset_type=ip', (a) => a.type === 'ip'],
    ['asset_type=host (domains)', () => 'asset_type=host', (a) => a.type === 'domain'],
    ['apex', () => 'apex=northwind.com', (a) => a.apex_domain === 'northwind.com'],
    ['asn', () => 'asn=13335', (a) => meta(a).some((m) => m.as_number === 13335)],
    [
      'asn list',
      () => 'asn=13335,16509',
      (a) => meta(a).some((m) => [13335, 16509].includes(m.as_number)),
    ],
    [
      'geo_country_iso',
      () => 'geo_country_iso=de',
      (a) => meta(a).some((m) => m.owner_geo.country_iso === 'DE'),
    ],
    [
      'ip_owner with a comma inside',
      () => 'ip_owner=Amazon.com, Inc.',
      (a) => meta(a).some((m) => m.owner_name === 'Amazon.com, Inc.'),
    ],
    ['has_dns_record_type', () => 'has_dns_record_type=MX', (a) => dns(a, 'MX').length > 0],
    [
      'has_dns_record_type list',
      () => 'has_dns_record_type=mx,txt',
      (a) => dns(a, 'MX').length + dns(a, 'TXT').length > 0,
    ],
    [
      'dns_resolves=true',
      () => 'dns_resolves=true',
      (a) => a.type === 'domain' && a.resolved_ips.length > 0,
    ],
    [
      'dns_resolves=false',
      () => 'dns_resolves=false',
      (a) => a.type === 'ip' || a.resolved_ips.length === 0,
    ],
    [
      'cname_reference',
      () => 'cname_reference=cloudfront.net',
      (a) => dns(a, 'CNAME').some((v) => v.value.includes('cloudfront.net')),
    ],
    [
      'referenced_ip',
      () => `referenced_ip=${sample.resolved_ips[0]}`,
      (a) => a.resolved_ips.includes(sample.resolved_ips[0]),
    ],
    [
      'referenced_ip as a network',
      () => 'referenced_ip=104.21.0.0/16',
      (a) => a.resolved_ips.some((ip: string) => ip.startsWith('104.21.')),
    ],
    [
      'referenced_ip_after',
      () => 'asset_type=domain&referenced_ip_after=2024-06-01',
      (a) => dns(a, 'A').some((v) => v.first_seen_at >= '2024-06-01'),
    ],
    [
      'referenced_ip_before',
      () => 'asset_type=domain&referenced_ip_before=2024-01-01',
      (a) => dns(a, 'A').some((v) => v.first_seen_at < '2024-01-01'),
    ],
    [
      'whois_email',
      () => 'whois_email=domains@northwind.com',
      (a) => a.whois.contacts.some((c: Json) => c.email === 'domains@northwind.com'),
    ],
    [
      'whois_email_current',
      () => 'whois_email_current=hostmaster@northwind.com',
      (a) =>
        a.whois.contacts.some((c: Json) => c.is_current && c.email === 'hostmaster@northwind.com'),
    ],
    ['open_port_number', () => 'open_port_number=22', (a) => ports(a).some((p) => p.port === 22)],
    [
      'open_port_number list',
      () => 'open_port_number=22,3389',
      (a) => ports(a).some((p) => [22, 3389].includes(p.port)),
    ],
    [
      'open_port_protocol',
      () => 'open_port_protocol=udp',
      (a) => ports(a).some((p) => p.protocol === 'udp'),
    ],
    [
      'open_port_service',
      () => 'open_port_service=SSH',
      (a) => instances(a).some((i) => i.service === 'ssh'),
    ],
    [
      'open_port_technology',
      () => 'open_port_technology=OpenSSH',
      (a) => instances(a).some((i) => i.technology.name === 'OpenSSH'),
    ],
    [
      'technology_name',
      () => 'technology_name=WordPress,OpenSSH',
      (a) =>
        instances(a).some(
          (i) =>
            i.technology.name === 'OpenSSH' ||
            (i.web_technologies ?? []).some((w: Json) => w.name === 'WordPress'),
        ),
    ],
    [
      'web_technology_name',
      () => 'web_technology_name=jQuery',
      (a) =>
        instances(a).some((i) => (i.web_technologies ?? []).some((w: Json) => w.name === 'jQuery')),
    ],
    [
      'certificate_issuer',
      () => "certificate_issuer=Let's Encrypt",
      (a) => certs(a).some((c) => c.issuer.organization_name === "Let's Encrypt"),
    ],
    [
      'certificate_subject',
      () => `certificate_subject=${sample.id}`,
      (a) => certs(a).some((c) => c.subject.common_name.includes(sample.id)),
    ],
    [
      'certificate_subject_alt_name',
      () => `certificate_subject_alt_name=${sample.id}`,
      (a) => certs(a).some((c) => c.subject_alt_names.includes(sample.id)),
    ],
    [
      'certificate_sha256',
      () => `certificate_sha256=${certs(sample)[0].sha256}`,
      (a) => a.id === sample.id,
    ],
    [
      'certificate_covers_domain (wildcard)',
      () => `certificate_covers_domain=zz-not-listed.${sample.apex_domain}`,
      (a) => certs(a).some((c) => c.subject_alt_names.includes(`*.${sample.apex_domain}`)),
    ],
    [
      'certificate_expires_before',
      () => 'certificate_expires_before=2025-07-01',
      (a) => certs(a).some((c) => c.expires_at < '2025-07-01'),
    ],
    [
      'certificate_expires_after',
      () => 'certificate_expires_after=2025-09-01',
      (a) => certs(a).some((c) => c.expires_at >= '2025-09-01'),
    ],
    [
      'certificate_issued_before',
      () => 'certificate_issued_before=2025-03-01',
      (a) => certs(a).some((c) => c.issued_at < '2025-03-01'),
    ],
    [
      'certificate_issued_after',
      () => 'certificate_issued_after=2025-05-01',
      (a) => certs(a).some((c) => c.issued_at >= '2025-05-01'),
    ],
    ['waf_detected=true', () => 'waf_detected=true', (a) => a.defenses.length > 0],
    ['waf_detected=false', () => 'waf_detected=false', (a) => a.defenses.length === 0],
    [
      'waf_name',
      () => 'waf_name=cloudflare',
      (a) => a.defenses.some((d: Json) => d.name === 'Cloudflare'),
    ],
    ['is_responsive=true', () => 'is_responsive=true', (a) => ports(a).length > 0],
    ['is_responsive=false', () => 'is_responsive=false', (a) => ports(a).length === 0],
    ['exposure_score_gte', () => 'exposure_score_gte=90', (a) => a.exposure_score >= 90],
    ['exposure_score_lte', () => 'exposure_score_lte=20', (a) => a.exposure_score <= 20],
    [
      'exposure_severity (that level or higher)',
      () => 'exposure_severity=moderate',
      (a) => severities(a).some((s) => s === 'moderate' || s === 'critical'),
    ],
    [
      'exposure_id',
      () => 'exposure_id=git-config',
      (a) => a.exposures.some((e: Json) => e.id === 'git-config'),
    ],
    [
      'discovered_before',
      () => 'discovered_before=2024-01-01',
      (a) => a.discovered_at !== null && a.discovered_at < '2024-01-01',
    ],
    [
      'discovered_after',
      () => 'discovered_after=2024-01-01',
      (a) => a.discovered_at >= '2024-01-01',
    ],
    [
      'added_to_project_before',
      () => 'added_to_project_before=2024-01-01',
      (a) => a.added_to_project_at < '2024-01-01',
    ],
    [
      'added_to_project_after',
      () => 'added_to_project_after=2025-01-01',
      (a) => a.added_to_project_at >= '2025-01-01',
    ],
    [
      'several filters together (AND)',
      () => 'asset_type=domain&open_port_number=443&waf_detected=true',
      (a) => a.type === 'domain' && a.defenses.length > 0 && ports(a).some((p) => p.port === 443),
    ],
  ];

  it.each(cases)('filters by %s', async (_name, query, check) => {
    const body = await find(query());
    expect(body.meta.counts.total).toBeGreaterThan(0);
    expect(body.meta.counts.total).toBeLessThan(1430);
    const failing = body.data.filter((a: Json) => !check(a)).map((a: Json) => a.id);
    expect(failing).toEqual([]);
  });

  it('echoes the filters in meta.params grouped by kind', async () => {
    const body = await find(
      'asn=13335&open_port_number=443&exposure_id=git-config&certificate_issuer=R11',
    );
    expect(body.meta.params).toEqual({
      asset_properties: { asn: '13335' },
      technology_properties: { open_port_number: '443' },
      exposure_properties: { exposure_id: 'git-config' },
      certificate_properties: { certificate_issuer: 'R11' },
    });
  });

  describe('custom tags', () => {
    it('matches assets carrying any listed tag, strictly or not', async () => {
      const tags = (await api.get(`/v2/projects/${project()}/tags`)).body.data.map(
        (t: Json) => t.title,
      );
      for (const param of ['custom_tags', 'custom_tags_strict']) {
        const body = await find(`${param}=${tags[0]},${tags[1]}`);
        expect(body.meta.counts.total).toBeGreaterThan(0);
        expect(
          body.data.every(
            (a: Json) => a.custom_tags.includes(tags[0]) || a.custom_tags.includes(tags[1]),
          ),
        ).toBe(true);
      }
    });

    it('lets has_custom_tags override the other tag filters', async () => {
      const tagged = await find('has_custom_tags=true&custom_tags=not-a-tag');
      const untagged = await find('has_custom_tags=false');
      expect(tagged.data.every((a: Json) => a.custom_tags.length > 0)).toBe(true);
      expect(untagged.data.every((a: Json) => a.custom_tags.length === 0)).toBe(true);
      expect(tagged.meta.counts.total + untagged.meta.counts.total).toBe(1430);
    });

    it('sees a tag applied a moment ago', async () => {
      const asset = (await find('has_custom_tags=false')).data[0].id;
      await api.call('PUT', `/v2/projects/${project()}/assets/${asset}/tags/fresh-tag`);
      const body = await find('custom_tags=fresh-tag');
      expect(body.data.map((a: Json) => a.id)).toEqual([asset]);
    });

    it('refuses custom_tags_strict with a tag the project does not define', async () => {
      const reply = await api.get(
        `/v2/projects/${project()}/assets?custom_tags_strict=nobody-made-this`,
      );
      expect(reply.status).toBe(422);
      expect(reply.body.detail[0]).toMatchObject({
        loc: ['query', 'custom_tags_strict'],
        type: 'value_error',
      });
    });
  });

  it.each([
    ['asn=abc', 'asn', 'int_parsing'],
    ['has_dns_record_type=SRV', 'has_dns_record_type', 'enum'],
    ['referenced_ip=999.1.1.1', 'referenced_ip', 'ip_any_network'],
    ['discovered_before=2024-13-01', 'discovered_before', 'date_parsing'],
    ['exposure_score_gte=101', 'exposure_score_gte', 'less_than_equal'],
    ['waf_detected=maybe', 'waf_detected', 'bool_parsing'],
    ['exposure_severity=severe', 'exposure_severity', 'enum'],
    ['open_port_protocol=icmp', 'open_port_protocol', 'enum'],
  ])('refuses %s with 422', async (query, name, type) => {
    const reply = await api.get(`/v2/projects/${project()}/assets?${query}`);
    expect(reply.status).toBe(422);
    expect(reply.body.detail).toContainEqual(
      expect.objectContaining({ loc: ['query', name], type }),
    );
  });

  it('pages through a filtered result exactly once', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let total: number;
    do {
      const suffix: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const reply = await api.get(
        `/v2/projects/${project()}/assets?limit=37&asset_type=domain&sort_by=apex_domain${suffix}`,
      );
      ids.push(...reply.body.data.map((a: Json) => a.id));
      total = reply.body.meta.counts.total;
      cursor = reply.body.data.length === 0 ? null : reply.body.meta.pagination.next_cursor;
    } while (cursor !== null);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });
});
