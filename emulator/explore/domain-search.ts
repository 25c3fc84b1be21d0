import { compileDsl } from './dsl.js';
import type { HostRecord } from './records.js';

export const DSL_PAGE_SIZE = 100;
/** Plain paging stops here (10,000 records); scrolling goes on to the end. */
export const DSL_MAX_PAGE = 100;

/** One DSL search: the query as sent, the hosts it matched in result order, and the options. */
export interface DomainSearch {
  query: string;
  matches: readonly HostRecord[];
  includeIps: boolean;
  endpoint: string;
}

/**
 * Result order: by Alexa rank, best first, unranked hosts last, then by hostname, as the
 * recorded search response lists its records. Sort the data set once and filter it per query.
 */
export function searchOrder(hosts: readonly HostRecord[]): HostRecord[] {
  const rank = (host: HostRecord): number => host.apex.alexaRank ?? Number.POSITIVE_INFINITY;
  return [...hosts].sort(
    (a, b) => rank(a) - rank(b) || (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0),
  );
}

/** Throws a QueryError for a query that does not parse or names an unknown attribute. */
export function searchHosts(ordered: readonly HostRecord[], query: string): HostRecord[] {
  const matches = compileDsl(query);
  return ordered.filter((host) => matches(host));
}

export function totalPages(search: DomainSearch): number {
  return Math.ceil(search.matches.length / DSL_PAGE_SIZE);
}

/** True when records remain after `page`. */
export function hasPageAfter(search: DomainSearch, page: number): boolean {
  return page * DSL_PAGE_SIZE < search.matches.length;
}

/** The search envelope for one page; `scrollId` goes into meta only when one was issued. */
export function domainPage(search: DomainSearch, page: number, scrollId?: string): unknown {
  const start = (page - 1) * DSL_PAGE_SIZE;
  const records = search.matches
    .slice(start, start + DSL_PAGE_SIZE)
    .map((host) => domainRecord(host, search.includeIps));
  const meta = {
    query: search.query,
    page,
    total_pages: totalPages(search),
    max_page: DSL_MAX_PAGE,
    ...(scrollId === undefined ? {} : { scroll_id: scrollId }),
  };
  return { endpoint: search.endpoint, record_count: search.matches.length, meta, records };
}

/** One record as the domain search returns it; `ips` (the A records) only on request. */
export function domainRecord(host: HostRecord, includeIps: boolean): Record<string, unknown> {
  const { apex } = host;
  return {
    hostname: host.hostname,
    alexa_rank: apex.alexaRank,
    host_provider: apex.hostProvider,
    mail_provider: apex.mailProvider,
    whois: {
      registrar: apex.whois.registrar,
      createdDate: apex.whois.createdDate,
      expiresDate: apex.whois.expiresDate,
    },
    computed: { company_name: apex.companyName },
    ...(includeIps ? { ips: host.a.map((ip) => ip.address) } : {}),
  };
}
