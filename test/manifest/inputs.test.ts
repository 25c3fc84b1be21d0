import { describe, expect, it } from 'vitest';

import type { ValidateFunction } from 'ajv';

import { createInputsAjv, findCommand, findParameter, requiredInputs } from './helpers.js';

// The 35 keys of the integration documentation plus is_responsive, which the API also documents.
const OTHER_FILTER_KEYS = [
  'discovered_before',
  'discovered_after',
  'apex',
  'referenced_ip',
  'referenced_ip_before',
  'referenced_ip_after',
  'has_dns_record_type',
  'dns_resolves',
  'asn',
  'cname_reference',
  'geo_country_iso',
  'ip_owner',
  'whois_email',
  'whois_email_current',
  'open_port_number',
  'open_port_protocol',
  'open_port_service',
  'open_port_technology',
  'technology_name',
  'web_technology_name',
  'certificate_issuer',
  'certificate_subject',
  'certificate_subject_alt_name',
  'certificate_sha256',
  'certificate_covers_domain',
  'certificate_expires_before',
  'certificate_expires_after',
  'certificate_issued_before',
  'certificate_issued_after',
  'waf_detected',
  'waf_name',
  'exposure_score_gte',
  'exposure_score_lte',
  'exposure_severity',
  'exposure_id',
  'is_responsive',
];

const SHA256 = 'ab'.repeat(32);
const tagNames = (count: number): string[] => Array.from({ length: count }, (_, i) => `tag-${i}`);

const ajv = createInputsAjv();
const validators = new Map<string, ValidateFunction>();

/** Whether a command accepts its required examples plus one parameter set to the given value. */
function accepts(commandName: string, parameter: string, value: unknown): boolean {
  const command = findCommand(commandName);
  const validate = validators.get(commandName) ?? ajv.compile(command.inputs);
  validators.set(commandName, validate);
  return validate({ ...requiredInputs(command), [parameter]: value });
}

describe('command input limits', () => {
  it('types each of the 36 Other Filters keys of Find Assets and refuses any other key', () => {
    const otherFilters = findParameter('Find Assets', 'Other Filters');

    expect(Object.keys(otherFilters.properties ?? {})).toEqual(OTHER_FILTER_KEYS);
    expect(accepts('Find Assets', 'Other Filters', { added_to_project_before: '2025-01-01' })).toBe(
      false,
    );
  });

  it.each([
    ['Find Assets', 'Limit', 1000, true],
    ['Find Assets', 'Limit', 1001, false],
    ['Find Assets', 'Limit', 0, false],
    ['Find Assets', 'Sort', 'exposure_score', false],
    ['Find Assets', 'Asset Type', 'IP', true],
    ['Find Assets', 'Start Time', '2025-02-30', false],
    ['Find Assets', 'Additional Fields', ['whois', 'whois'], false],
    ['Find Assets', 'Additional Fields', ['registrar'], false],
    ['Create Tag', 'Tag Name', 'x'.repeat(100), true],
    ['Create Tag', 'Tag Name', 'x'.repeat(101), false],
    ['Create Tag', 'Tag Name', '   ', false],
    ['Apply Tags to Asset', 'Tags', [], false],
    ['Apply Tags to Asset', 'Tags', tagNames(100), true],
    ['Apply Tags to Asset', 'Tags', tagNames(101), false],
    ['Remove Tags From Asset', 'Tags', ['test', 'test'], false],
    ['Apply Tags to Asset', 'Asset ID', '2001:db8::1', true],
    ['Apply Tags to Asset', 'Asset ID', 'foo example.com', false],
    ['List Exposures', 'CVE', 'cve-2024-6387', true],
    ['List Exposures', 'CVE', 'CVE-2021-1234567', true],
    ['List Exposures', 'CVE', 'CVE-24-1', false],
    ['List Exposures', 'Severity', 'High', false],
    ['Get Issue History', 'Query', 'q'.repeat(500), true],
    ['Get Issue History', 'Query', 'q'.repeat(501), false],
    ['Get Issue History', 'Start Time', '2023-03-01T00:00:00Z', true],
    ['Get Issue History', 'Start Time', '03/01/2023 12:00 AM', false],
    [
      'Fetch Incident',
      'Previous Snapshot Fetch State',
      { snapshot_time: '2024-12-30T08:56:18Z', is_fetched: true },
      false,
    ],
    [
      'Fetch Incident',
      'Previous Snapshot Fetch State',
      { snapshot_time: '2024-12-30 08:56:18' },
      false,
    ],
    [
      'Fetch Incident',
      'Previous Snapshot Fetch State',
      { snapshot_time: '2024-12-30 08:56:18', is_fetched: false, cursor: 'x' },
      false,
    ],
    ['DSL Query', 'Max Records', 100000, true],
    ['DSL Query', 'Max Records', 100001, false],
    ['DSL Query', 'Include IPs', 'yes', false],
    ['SQL Query', 'Query', 's'.repeat(5001), false],
  ])('%s: %s = %j is accepted: %s', (command, parameter, value, expected) => {
    expect(accepts(command, parameter, value)).toBe(expected);
  });

  it.each([
    [{ referenced_ip: '198.51.100.7, 2001:db8::1' }, true],
    [{ referenced_ip: 'localhost' }, false],
    [{ geo_country_iso: 'US,ca' }, true],
    [{ geo_country_iso: 'USA' }, false],
    [{ certificate_sha256: SHA256 }, true],
    [{ certificate_sha256: SHA256.slice(1) }, false],
    [{ open_port_number: 65535, open_port_protocol: 'udp' }, true],
    [{ open_port_number: 65536 }, false],
    [{ open_port_protocol: 'sctp' }, false],
    [{ asn: -1 }, false],
    [{ exposure_score_gte: 101 }, false],
    [{ exposure_severity: 'critical', is_responsive: true }, true],
    [{ exposure_severity: 'Critical' }, false],
    [{ has_dns_record_type: 'MX' }, true],
    [{ has_dns_record_type: 'HINFO' }, false],
    [{ dns_resolves: 'true' }, false],
    [{ certificate_expires_before: '2026-01-31', discovered_after: '2024-01-01' }, true],
    [{ certificate_expires_before: '31/01/2026' }, false],
    [{ apex: 'x'.repeat(2049) }, false],
    [{}, false],
  ])('Find Assets Other Filters %j is accepted: %s', (filters, expected) => {
    expect(accepts('Find Assets', 'Other Filters', filters)).toBe(expected);
  });

  it('refuses a command input that no parameter declares', () => {
    expect(accepts('Get Tags', 'Limit', 10)).toBe(false);
  });
});
