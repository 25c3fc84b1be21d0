import { SIGNATURES } from './signatures.js';
import { rfEntity } from './signature-types.js';
import type { Severity } from './signature-types.js';

export type Classification = 'high' | 'moderate' | 'informational';
export const CLASSIFICATIONS: readonly Classification[] = ['high', 'moderate', 'informational'];

export interface ProductRule {
  technology: string;
  /** Only this version counts; absent means every detected version does. */
  version?: string;
  cveProducts?: string[];
}

/** An ASI risk rule of the v1 Risks API: an exposure signature or a product-version finding. */
export interface RuleDef {
  id: string;
  name: string;
  description: string;
  classification: Classification;
  references: string[];
  signature: number | null;
  product?: ProductRule;
  /** Text reported per host in `rule_metadata.additional` when there is no URL target. */
  additional?: string;
}

export function classificationOf(severity: Severity): Classification {
  if (severity === 'critical') return 'high';
  if (severity === 'moderate') return 'moderate';
  return 'informational';
}

const PRODUCT_RULES: RuleDef[] = [
  {
    id: 'cve-OpenSSL',
    name: 'Vulnerable Version of OpenSSL',
    description:
      'Runs OpenSSL 1.0.2k, a release with many published vulnerabilities; CVE-2022-1292 carries the highest risk of them.',
    classification: 'high',
    references: [rfEntity('CVE-2022-1292'), rfEntity('CVE-2023-0286'), rfEntity('CVE-2022-2068')],
    signature: null,
    product: { technology: 'OpenSSL', version: '1.0.2k' },
    additional: 'OpenSSL 1.0.2k',
  },
  {
    id: 'cve-jQuery UI',
    name: 'Vulnerable Versions of jQuery UI',
    description:
      'Uses jQuery UI releases that are linked to informational-risk cross-site scripting issues:',
    classification: 'informational',
    references: [],
    signature: null,
    product: {
      technology: 'jQuery UI',
      cveProducts: [
        'CVE-2021-41184 (jQuery UI 1.12.1)',
        'CVE-2021-41183 (jQuery UI 1.12.1)',
        'CVE-2021-41182 (jQuery UI 1.12.1)',
      ],
    },
  },
  {
    id: 'crawl_basic-authentication',
    name: 'Host with Basic Authentication',
    description: 'This host asks for HTTP Basic Authentication: "Basic realm="Restricted Area""',
    classification: 'informational',
    references: [],
    signature: null,
    additional: 'Basic realm="Restricted Area"',
  },
];

export const RULES: readonly RuleDef[] = [
  ...SIGNATURES.map((sig, index) => ({
    id: sig.id,
    name: sig.name,
    description: sig.description,
    classification: classificationOf(sig.severity),
    references: sig.references,
    signature: index,
  })),
  ...PRODUCT_RULES,
];

export function ruleOf(r: number): RuleDef {
  return RULES[r] ?? (RULES[0] as RuleDef);
}

const RULE_SCORES: Record<Classification, readonly number[]> = {
  high: [99, 95, 89],
  moderate: [65, 55, 45],
  informational: [28, 20, 15],
};

/** The `sort_value` / risk score a rule contributes; fixed per rule so scores are repeatable. */
export function ruleScore(rule: RuleDef): number {
  const scores = RULE_SCORES[rule.classification];
  return scores[rule.id.length % scores.length] ?? 0;
}
