import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../emulator/explore/dataset.js';
import { collect } from '../../../emulator/explore/projection.js';
import { HOSTS_TABLE, IPS_TABLE, type SqlTable } from '../../../emulator/explore/sql-tables.js';

describe('exploration data set', () => {
  it('is the same for the same seed and differs for another seed', () => {
    const first = buildDataset({ seed: 5, hosts: 800 });
    const again = buildDataset({ seed: 5, hosts: 800 });
    const other = buildDataset({ seed: 6, hosts: 800 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(other.hosts.map((host) => host.hostname)).not.toEqual(
      first.hosts.map((host) => host.hostname),
    );
  });

  it('holds exactly the requested number of unique hostnames, fixed examples first', () => {
    const { hosts } = buildDataset({ seed: 1, hosts: 50_000 });
    expect(hosts).toHaveLength(50_000);
    expect(new Set(hosts.map((host) => host.hostname)).size).toBe(50_000);
    expect(hosts.slice(0, 3).map((host) => host.hostname)).toEqual([
      'google.com',
      'www.google.com',
      'mail.google.com',
    ]);
  });

  it('never drops the fixed examples, even for a tiny data set', () => {
    const { hosts } = buildDataset({ seed: 1, hosts: 3 });
    expect(hosts.map((host) => host.hostname)).toContain('one.one.one.one');
  });

  it('keeps hostnames, apexes and subdomains consistent', () => {
    const { hosts } = buildDataset({ seed: 9, hosts: 3000 });
    for (const host of hosts) {
      const expected =
        host.subdomain === null ? host.apex.name : `${host.subdomain}.${host.apex.name}`;
      expect(host.hostname).toBe(expected);
      expect(host.apex.name.endsWith(`.${host.apex.tld}`)).toBe(true);
    }
  });

  it('lists every address a host resolves to in the ips table', () => {
    const { hosts, ips } = buildDataset({ seed: 9, hosts: 3000 });
    const addresses = new Set(ips.map((ip) => ip.address));
    expect(addresses.size).toBe(ips.length);
    for (const host of hosts) {
      for (const ip of host.a) expect(addresses.has(ip.address)).toBe(true);
    }
  });

  it('gives random hosts a share of the fixed addresses, so 1.1.1.1 is not only an example', () => {
    const { hosts } = buildDataset({ seed: 2, hosts: 20_000 });
    const onOneOneOneOne = hosts.filter((host) => host.a.some((ip) => ip.address === '1.1.1.1'));
    expect(onOneOneOneOne.length).toBeGreaterThan(3);
  });
});

describe('SQL table shapes', () => {
  const dataset = buildDataset({ seed: 4, hosts: 2000 });

  function leafPaths(value: unknown, prefix: string, into: Set<string>): Set<string> {
    if (Array.isArray(value)) {
      const scalars = value.filter((item) => typeof item !== 'object' || item === null);
      if (scalars.length > 0) into.add(prefix);
      value.forEach((item) => typeof item === 'object' && leafPaths(item, prefix, into));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        leafPaths(inner, prefix === '' ? key : `${prefix}.${key}`, into);
      }
    } else {
      into.add(prefix);
    }
    return into;
  }

  function check<R>(table: SqlTable<R>): void {
    const seen = new Set<string>();
    for (const row of table.rows(dataset)) {
      const record = Object.fromEntries(
        Object.entries(table.sections).map(([name, build]) => [name, build(row)]),
      );
      leafPaths(record, '', seen);
    }
    expect([...seen].sort()).toEqual(Object.keys(table.leaves).sort());
  }

  it('hosts records hold exactly the declared leaf fields', () => {
    check(HOSTS_TABLE);
  });

  it('ips records hold exactly the declared leaf fields', () => {
    check(IPS_TABLE);
  });

  it('every declared hosts field has a value on some row', () => {
    for (const path of Object.keys(HOSTS_TABLE.leaves)) {
      const [section = '', ...rest] = path.split('.');
      const build = HOSTS_TABLE.sections[section];
      const found = dataset.hosts.some((host) => build && collect(build(host), rest).length > 0);
      expect(found, path).toBe(true);
    }
  });
});
