export type Severity = 'critical' | 'moderate' | 'informational' | 'unknown';

/** Severity order used by "that level or higher" filters. */
export const SEVERITY_RANK: Record<Severity, number> = {
  unknown: 0,
  informational: 1,
  moderate: 2,
  critical: 3,
};

export const SEVERITIES: readonly Severity[] = ['unknown', 'informational', 'moderate', 'critical'];

export interface RemediationAction {
  text: string;
  type?: string;
  actions?: { code: string }[];
}

export interface Vulnerability {
  cve_id: string;
  name: string;
  slug: string;
  cwe_ids: string[];
  references: string[];
  cvss_score?: number;
  epss_score?: number;
}

export interface SignatureDef {
  id: string;
  name: string;
  description: string;
  severity: Severity;
  added_at: string;
  references: string[];
  /** Absent on some signatures in recorded responses; the key is then left out. */
  remediation_steps?: { type: 'number'; actions: RemediationAction[] };
  vulnerabilities: Vulnerability[];
  /** The open port an asset needs to carry this exposure; null when it comes from DNS data. */
  port: number | null;
  /** URL path probed for web findings; absent for port-level findings. */
  path?: string;
  /** Values the scanner extracts as evidence, picked per asset. */
  extractions?: string[];
  /** A web technology the asset must run, e.g. WordPress for WordPress plugin findings. */
  technology?: string;
  /** A DNS record type the asset must have, e.g. TXT for SPF findings. */
  dnsType?: 'CNAME' | 'TXT';
  /** Relative frequency among assets that could carry it. */
  weight: number;
}

export function steps(...texts: string[]): { type: 'number'; actions: RemediationAction[] } {
  return { type: 'number', actions: texts.map((text) => ({ text })) };
}

export function nvd(cve: string): string {
  return `https://nvd.nist.gov/vuln/detail/${cve}`;
}

export function rfEntity(name: string): string {
  return `https://app.recordedfuture.com/live/sc/entity/?name=${name}`;
}

export function cve(
  id: string,
  name: string,
  cwe: string[],
  cvss?: number,
  epss?: number,
): Vulnerability {
  const v: Vulnerability = {
    cve_id: id,
    name,
    slug: id.toLowerCase(),
    cwe_ids: cwe,
    references: [rfEntity(id), nvd(id)],
  };
  if (cvss !== undefined) v.cvss_score = cvss;
  if (epss !== undefined) v.epss_score = epss;
  return v;
}
