import { SEVERITIES, SEVERITY_RANK } from '../data/signature-types.js';
import type { SignatureDef } from '../data/signature-types.js';
import { QueryReader } from '../validation.js';
import { splitValues } from './filter-kinds.js';

export interface ExposureFilter {
  test(sig: SignatureDef): boolean;
  /** Echo for `meta.params.filter`, keyed without the `filter_` prefix. */
  echo: Record<string, string>;
}

const cweNumber = (id: string): string => id.trim().toUpperCase().replace(/^CWE-/, '');

/**
 * Filters of List Exposures. `filter_severity` is the older name of `filter_severity_min`;
 * asking for a minimum and an exact severity together is refused.
 */
export function readExposureFilter(reader: QueryReader): ExposureFilter {
  const tests: ((sig: SignatureDef) => boolean)[] = [];
  const echo: Record<string, string> = {};
  const remember = (name: string) => {
    const raw = reader.raw(name);
    if (raw !== undefined) echo[name.replace(/^filter_/, '')] = raw;
    return raw;
  };

  const cves = remember('filter_cve_id');
  if (cves !== undefined) {
    const wanted = splitValues(cves).map((c) => c.toUpperCase());
    tests.push((sig) =>
      sig.vulnerabilities.some((v) =>
        v.cve_id
          .toUpperCase()
          .split(/\s+/)
          .some((id) => wanted.includes(id)),
      ),
    );
  }
  const cwes = remember('filter_cwe_id');
  if (cwes !== undefined) {
    const wanted = splitValues(cwes).map(cweNumber);
    tests.push((sig) =>
      sig.vulnerabilities.some((v) => v.cwe_ids.some((id) => wanted.includes(cweNumber(id)))),
    );
  }
  remember('filter_cvss_score_gte');
  remember('filter_cvss_score_lte');
  const gte = reader.number('filter_cvss_score_gte');
  const lte = reader.number('filter_cvss_score_lte');
  if (gte !== undefined || lte !== undefined) {
    tests.push((sig) =>
      sig.vulnerabilities.some(
        (v) =>
          v.cvss_score !== undefined &&
          v.cvss_score >= (gte ?? -Infinity) &&
          v.cvss_score <= (lte ?? Infinity),
      ),
    );
  }

  const minName =
    reader.raw('filter_severity_min') !== undefined ? 'filter_severity_min' : 'filter_severity';
  remember(minName);
  remember('filter_severity_exact');
  const min = reader.oneOf(minName, SEVERITIES);
  const exact = reader.oneOf('filter_severity_exact', SEVERITIES);
  if (min !== undefined && exact !== undefined) {
    reader.fail(
      'filter_severity_exact',
      'value_error',
      'Value error, filter_severity_min and filter_severity_exact are mutually exclusive',
      exact,
    );
  }
  if (min !== undefined) tests.push((sig) => SEVERITY_RANK[sig.severity] >= SEVERITY_RANK[min]);
  if (exact !== undefined) tests.push((sig) => sig.severity === exact);

  return { test: (sig) => tests.every((t) => t(sig)), echo };
}
