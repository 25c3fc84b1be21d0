import type { IpRecord, PortRecord } from './records.js';
import { chance, pick, randomInt, type Random } from './random.js';
import { COUNTRIES, HOSTING_PROVIDERS, SERVICES, type HostingProvider } from './vocabulary.js';

/** The IP addresses hosts can resolve to, grouped by the provider that announces them. */
export interface IpPool {
  all: IpRecord[];
  byProvider: Map<HostingProvider, IpRecord[]>;
}

/**
 * Draws `size` unique addresses spread over the hosting providers. `fixed` addresses (the
 * documented examples) join their provider's group when the ASN matches one, so random hosts
 * can resolve to them too; the others only appear in the ips table and on the fixed hosts.
 */
export function generateIpPool(random: Random, size: number, fixed: readonly IpRecord[]): IpPool {
  const all = [...fixed];
  const taken = new Set(fixed.map((ip) => ip.address));
  const byProvider = new Map<HostingProvider, IpRecord[]>();
  for (const provider of HOSTING_PROVIDERS) {
    byProvider.set(
      provider,
      fixed.filter((ip) => ip.asn === provider.asn),
    );
  }

  const perProvider = Math.max(4, Math.ceil(size / HOSTING_PROVIDERS.length));
  for (const provider of HOSTING_PROVIDERS) {
    const group = byProvider.get(provider) ?? [];
    while (group.length < perProvider) {
      const host = `${randomInt(random, 0, 255)}.${randomInt(random, 1, 254)}`;
      const address = `${pick(random, provider.prefixes)}.${host}`;
      if (taken.has(address)) continue;
      taken.add(address);
      const ip = randomIp(random, provider, address);
      group.push(ip);
      all.push(ip);
    }
  }
  return { all, byProvider };
}

function randomIp(random: Random, provider: HostingProvider, address: string): IpRecord {
  const country = COUNTRIES[pick(random, provider.countries)] ?? COUNTRIES.US;
  if (country === undefined) throw new Error('the country table has no US entry');
  const ptr =
    provider.ptrDomain !== null && chance(random, 0.8)
      ? `ip-${address.replaceAll('.', '-')}.${provider.ptrDomain}`
      : null;
  return {
    address,
    asn: provider.asn,
    asnOwner: provider.owner,
    country: country.name,
    countryCode: country.code,
    city: pick(random, country.cities),
    ptr,
    ports: randomPorts(random),
  };
}

function randomPorts(random: Random): PortRecord[] {
  const count = randomInt(random, 1, 3);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(pick(random, SERVICES).port);
  return portRecords([...chosen].sort((a, b) => a - b));
}

/** Port records for well-known TCP ports; one shared object per port keeps the pool small. */
export function portRecords(ports: readonly number[]): PortRecord[] {
  return ports.map((port) => {
    const known = PORTS.get(port);
    return known ?? { port, protocol: 'tcp', service: 'unknown' };
  });
}

const PORTS = new Map<number, PortRecord>(
  SERVICES.map(({ port, service }) => [port, { port, protocol: 'tcp', service }]),
);
