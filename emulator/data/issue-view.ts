import { WEB_TECHNOLOGIES } from './services.js';
import { exposureTarget } from './exposure-view.js';
import { contains } from './rule-entities.js';
import type { RuleDef } from './rules.js';
import { CLASSIFICATIONS, ruleOf, ruleScore } from './rules.js';
import { SIGNATURES } from './signatures.js';
import type { ProjectData } from './world.js';

const EXAMPLES_PER_KIND = 5;

/** What a rule reports for one host: a URL or host:port target, or an `additional` text. */
function hostEvidence(project: ProjectData, rule: RuleDef, i: number): Record<string, string> {
  const { table } = project;
  const sig = rule.signature === null ? undefined : SIGNATURES[rule.signature];
  if (sig !== undefined) return { target: exposureTarget(table, i, sig) };
  const product = rule.product;
  if (product === undefined)
    return rule.additional === undefined ? {} : { additional: rule.additional };
  const bit = WEB_TECHNOLOGIES.findIndex((t) => t.name === product.technology);
  const version = product.version ?? table.webTechnologyVersion(i, bit) ?? '';
  return { additional: `${product.technology} ${version}`.trim() };
}

/**
 * `example_entities`: a few domains and IPs the rule applies to. Current issues leave out an empty
 * `ips` list while history entries keep it, as the recorded responses do.
 */
function exampleEntities(
  project: ProjectData,
  r: number,
  keepEmpty: boolean,
): Record<string, unknown> {
  const rule = ruleOf(r);
  const entities = project.ruleAssets[r] ?? new Int32Array(0);
  const score = ruleScore(rule);
  const example = (i: number) => ({
    example: project.table.names[i],
    sort_value: score,
    ...hostEvidence(project, rule, i),
  });
  const domains = Array.from(entities).filter((i) => project.table.isIp[i] === 0);
  const ips = Array.from(entities).filter((i) => project.table.isIp[i] === 1);
  const out: Record<string, unknown> = {};
  const products = rule.product?.cveProducts ?? [];
  if (products.length > 0) out.cve_products = [{ example: products[0], sort_value: score }];
  out.domains = domains.slice(0, EXAMPLES_PER_KIND).map(example);
  if (keepEmpty || ips.length > 0) out.ips = ips.slice(0, EXAMPLES_PER_KIND).map(example);
  return out;
}

export function entityCounts(project: ProjectData, r: number): { domains: number; ips: number } {
  const entities = project.ruleAssets[r] ?? new Int32Array(0);
  let ips = 0;
  for (const i of entities) ips += project.table.isIp[i] ?? 0;
  return { domains: entities.length - ips, ips };
}

export function issueJson(
  project: ProjectData,
  r: number,
  keepEmpty: boolean,
): Record<string, unknown> {
  const rule = ruleOf(r);
  const metadata: Record<string, unknown> = {
    entity_counts: entityCounts(project, r),
    references: rule.references,
  };
  const products = rule.product?.cveProducts;
  if (products !== undefined) metadata.examples = products.join(', ');
  return {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    classification: rule.classification,
    example_entities: exampleEntities(project, r, keepEmpty),
    rule_metadata: metadata,
  };
}

/** A rule as the by-host comparison reports it: no entity lists, the host's own evidence instead. */
export function hostRuleJson(project: ProjectData, r: number, i: number): Record<string, unknown> {
  const rule = ruleOf(r);
  return {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    classification: rule.classification,
    rule_metadata: { references: rule.references, ...hostEvidence(project, rule, i) },
  };
}

/** Issues ordered as a triage list: high first, then the rules touching the most hosts. */
export function sortIssues(project: ProjectData, rules: number[]): number[] {
  const rank = (r: number) => CLASSIFICATIONS.indexOf(ruleOf(r).classification);
  const size = (r: number) => project.ruleAssets[r]?.length ?? 0;
  return [...rules].sort(
    (a, b) => rank(a) - rank(b) || size(b) - size(a) || ruleOf(a).id.localeCompare(ruleOf(b).id),
  );
}

export function hostRiskScore(project: ProjectData, rules: readonly number[], i: number): number {
  let score = 0;
  for (const r of rules) {
    const entities = project.ruleAssets[r];
    if (entities !== undefined && contains(entities, i))
      score = Math.max(score, ruleScore(ruleOf(r)));
  }
  return score;
}
