import { CLASSIFICATIONS } from '../data/rules.js';
import type { Classification, RuleDef } from '../data/rules.js';
import { parseInstant, snapshotText } from '../data/time.js';
import { message } from '../responses.js';
import type { EmulatorResponse } from '../types.js';

export interface RuleFilter {
  action: 'added' | 'removed' | null;
  classifications: Classification[];
  query: string | null;
  test(rule: RuleDef): boolean;
}

/** The v1 ASI API answers bad parameters with 400 and a `message`, like the rest of v1. */
export function badParameter(name: string, expected: string, got: string): EmulatorResponse {
  return message(400, `Invalid value for ${name}: expected ${expected}, got "${got}".`);
}

export function readInstant(
  query: URLSearchParams,
  name: string,
): number | null | EmulatorResponse {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  const value = parseInstant(raw);
  return value ?? badParameter(name, 'Unix seconds or YYYY-MM-DD HH:MM:SS', raw);
}

export function echoInstant(value: number | null): string | null {
  return value === null ? null : snapshotText(value);
}

export function readPositive(
  query: URLSearchParams,
  name: string,
  fallback: number,
  max: number,
): number | EmulatorResponse {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max)
    return badParameter(name, `an integer from 1 to ${max}`, raw);
  return value;
}

/** `rule_action`, `classification` (comma list) and the free-text `query` over name and description. */
export function readRuleFilter(query: URLSearchParams): RuleFilter | EmulatorResponse {
  const actionRaw = query.get('rule_action');
  if (actionRaw !== null && actionRaw !== '' && actionRaw !== 'added' && actionRaw !== 'removed') {
    return badParameter('rule_action', '"added" or "removed"', actionRaw);
  }
  const action = actionRaw === 'added' || actionRaw === 'removed' ? actionRaw : null;
  const classifications: Classification[] = [];
  for (const part of (query.get('classification') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)) {
    const found = CLASSIFICATIONS.find((c) => c === part.toLowerCase());
    if (found === undefined)
      return badParameter('classification', 'high, moderate or informational', part);
    classifications.push(found);
  }
  const text = query.get('query');
  const needle = text === null || text === '' ? null : text.toLowerCase();
  return {
    action,
    classifications,
    query: needle === null ? null : text,
    test: (rule) =>
      (classifications.length === 0 || classifications.includes(rule.classification)) &&
      (needle === null || `${rule.name} ${rule.description}`.toLowerCase().includes(needle)),
  };
}
