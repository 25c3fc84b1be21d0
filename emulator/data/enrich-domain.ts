import type { AssetTable } from './asset-table.js';
import { DNS_TYPES, FLAG_WHOIS_HISTORY } from './asset-table.js';
import { REGISTRARS } from './names.js';
import { PROVIDERS } from './providers.js';
import { ipv6From } from './ip.js';
import { hash32, hashString } from './prng.js';
import type { ProjectProfile } from './projects.js';
import { DAY_S, isoZ } from './time.js';

function dnsValue(value: unknown, firstSeen: number, lastResolved: number, regions: string[]) {
  return {
    value,
    seen_from: regions,
    first_seen_at: isoZ(firstSeen),
    last_resolved_at: isoZ(lastResolved),
  };
}

/** DNS records of a domain asset, one entry per record type it has. */
export function dnsRecords(table: AssetTable, i: number, now: number): Record<string, unknown>[] {
  if (table.isIp[i] === 1) return [];
  const name = table.names[i] ?? '';
  const apex = table.apexName(i) ?? name;
  const provider = table.providerOf(i);
  const resolved = table.scanned[i] || now;
  const first = table.ipFirstSeen(i, 0);
  const regions = hash32(table.seed, i, 41) % 3 === 0 ? ['us-east', 'eu-west'] : ['us-east'];
  const records: Record<string, unknown>[] = [];
  for (const type of DNS_TYPES) {
    if (!table.hasDnsType(i, type)) continue;
    let values: unknown[];
    if (type === 'A') {
      values = table
        .resolvedIps(i)
        .map((ip, k) => dnsValue(ip, table.ipFirstSeen(i, k), resolved, regions));
    } else if (type === 'AAAA') {
      values = [dnsValue(ipv6From(hash32(table.ipBase[i] ?? 0, 6)), first, resolved, regions)];
    } else if (type === 'CNAME') {
      values = [dnsValue(table.cnameTarget(i), first, resolved, regions)];
    } else if (type === 'MX') {
      values = [dnsValue({ host: `mx1.${apex}`, priority: 10 }, first, resolved, regions)];
    } else if (type === 'NS') {
      values = provider.nameServers.map((ns) => dnsValue(ns, first, resolved, regions));
    } else {
      values = [dnsValue('v=spf1 include:_spf.google.com ~all', first, resolved, regions)];
    }
    records.push({ record_type: type, is_virtual: false, value: values });
  }
  return records;
}

/** WHOIS of a domain asset; host names below the apex report the apex's record (`is_from_parent`). */
export function whois(
  table: AssetTable,
  i: number,
  project: ProjectProfile,
): Record<string, unknown> | null {
  if (table.isIp[i] === 1) return null;
  const name = table.names[i] ?? '';
  const apex = table.apexName(i) ?? name;
  const h = hashString(apex) ^ table.seed;
  const created = Date.UTC(2001, 0, 1) / 1000 + (h % (20 * 365)) * DAY_S;
  const emails = whoisEmails(table, i, project);
  const contacts: Record<string, unknown>[] = [
    {
      email: emails.current,
      name: 'Domain Administrator',
      organization: project.company.organization,
      is_current: true,
    },
  ];
  for (const former of emails.all.slice(1)) {
    contacts.push({ email: former, organization: project.company.organization, is_current: false });
  }
  return {
    registrar: REGISTRARS[h % REGISTRARS.length],
    created_at: isoZ(created),
    updated_at: isoZ(created + 365 * DAY_S * (1 + (h % 15))),
    expires_at: isoZ(created + 365 * DAY_S * (24 + (h % 3))),
    is_private: h % 7 === 0,
    is_from_parent: name !== apex,
    name_servers: PROVIDERS[h % PROVIDERS.length]?.nameServers ?? [],
    contacts,
  };
}

/** E-mails of a domain's WHOIS contacts: the current one, then any former one. */
export function whoisEmails(
  table: AssetTable,
  i: number,
  project: ProjectProfile,
): { current: string; all: string[] } {
  if (table.isIp[i] === 1) return { current: '', all: [] };
  const emails = project.emails;
  const current = emails[table.contact[i] ?? 0] ?? '';
  if (((table.flags[i] ?? 0) & FLAG_WHOIS_HISTORY) === 0) return { current, all: [current] };
  const former = emails[((table.contact[i] ?? 0) + 1) % emails.length] ?? '';
  return { current, all: [current, former] };
}
