import { generateApex, newApexName } from './apex-generator.js';
import { fixedRecords } from './fixed-records.js';
import { generateIpPool } from './ip-pool.js';
import type { ApexRecord, ExploreDataset, HostRecord, IpRecord } from './records.js';
import { chance, pick, randomInt, seededRandom, type Random } from './random.js';
import { HOSTING_PROVIDERS, SUBDOMAIN_LABELS, type HostingProvider } from './vocabulary.js';

export interface DatasetOptions {
  seed: number;
  /** Total hostnames, fixed examples included; never fewer than the fixed examples. */
  hosts: number;
}

/**
 * Builds the hosts and ips of the exploration data set. The same options always give the same
 * records in the same order: everything is drawn from one seeded generator, and nothing reads
 * the clock.
 */
export function buildDataset(options: DatasetOptions): ExploreDataset {
  const random = seededRandom(options.seed);
  const fixed = fixedRecords();
  const pool = generateIpPool(random, Math.max(64, Math.ceil(options.hosts / 3)), fixed.ips);
  const apexNames = new Set(fixed.hosts.map((host) => host.apex.name));
  const hosts: HostRecord[] = [...fixed.hosts];

  while (hosts.length < options.hosts) {
    const provider = pick(random, HOSTING_PROVIDERS);
    const apex = generateApex(random, newApexName(random, apexNames), provider);
    const wanted = Math.min(options.hosts - hosts.length, randomInt(random, 1, 7));
    const addresses = pool.byProvider.get(provider) ?? [];
    hosts.push(...generateHosts(random, apex, provider, addresses, wanted));
  }
  return { hosts, ips: pool.all };
}

/** The apex host first, then distinct subdomains, all resolving into the provider's addresses. */
function generateHosts(
  random: Random,
  apex: ApexRecord,
  provider: HostingProvider,
  addresses: readonly IpRecord[],
  count: number,
): HostRecord[] {
  const subdomains = new Set<string>();
  while (subdomains.size < count - 1) subdomains.add(pick(random, SUBDOMAIN_LABELS));

  return [null, ...subdomains].map((subdomain) => {
    const hostname = subdomain === null ? apex.name : `${subdomain}.${apex.name}`;
    const cname = subdomain !== null && chance(random, 0.12) ? randomCname(random, hostname) : null;
    return {
      hostname,
      subdomain,
      apex,
      a: randomAddresses(random, addresses),
      aaaa: chance(random, 0.3) ? [randomIpv6(random, provider)] : NO_ADDRESSES,
      cname,
    };
  });
}

const NO_ADDRESSES: readonly string[] = [];

/** 0 to 3 A records, mostly one: a few hosts exist in DNS only through other record types. */
function randomAddresses(random: Random, addresses: readonly IpRecord[]): IpRecord[] {
  const roll = random();
  const count = roll < 0.1 ? 0 : roll < 0.75 ? 1 : roll < 0.95 ? 2 : 3;
  const chosen = new Set<IpRecord>();
  while (chosen.size < Math.min(count, addresses.length)) chosen.add(pick(random, addresses));
  return [...chosen];
}

function randomIpv6(random: Random, provider: HostingProvider): string {
  const group = (): string => randomInt(random, 1, 0xffff).toString(16);
  return `${provider.ipv6Prefix}:${group()}::${group()}`;
}

function randomCname(random: Random, hostname: string): string {
  const targets = [
    `${hostname}.cdn.cloudflare.net`,
    `d${randomInt(random, 100000, 999999)}.cloudfront.net`,
    `${hostname}.edgekey.net`,
  ];
  return pick(random, targets);
}
