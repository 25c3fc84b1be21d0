import { recordOf } from './shapes.js';

type Item = Record<string, unknown>;

export type RuleAction = 'added' | 'removed';

/** Rule Action as the form offers it; absent means both, and nothing is sent. */
export const RULE_ACTIONS: Record<string, RuleAction> = {
  'Added Rules': 'added',
  'Removed Rules': 'removed',
};

/** Classification as the form offers it, to the API's values. */
export const CLASSIFICATIONS: Record<string, string[]> = {
  High: ['high'],
  'High & Moderate': ['high', 'moderate'],
  Moderate: ['moderate'],
  'Moderate & Informational': ['moderate', 'informational'],
  Informational: ['informational'],
};

/** What the user asked for; the API may ignore these parameters, so they are applied again. */
export interface RuleFilter {
  actions: RuleAction[];
  classifications: string[] | undefined;
  /** Lower-case text to find in a rule's name or description. */
  text: string | undefined;
}

const LISTS = { added: 'added_rules', removed: 'removed_rules' } as const;

/**
 * One entry per snapshot. Snapshot windows can overlap, so the same snapshot may come back on a
 * later page: its rules join the first entry of that snapshot instead of repeating it, and a rule
 * appears once per (snapshot, action, rule id). An entry without a snapshot cannot be matched
 * and is kept as it is.
 */
export function mergeSnapshots(entries: Item[]): Item[] {
  const merged: Item[] = [];
  const bySnapshot = new Map<string, Item>();

  for (const entry of entries) {
    const key = typeof entry.snapshot === 'string' ? entry.snapshot : undefined;
    const earlier = key === undefined ? undefined : bySnapshot.get(key);
    const target = earlier ?? { ...entry };
    for (const list of Object.values(LISTS)) {
      target[list] = uniqueRules([...rulesOf(earlier?.[list]), ...rulesOf(entry[list])]);
    }
    if (earlier !== undefined) continue;

    merged.push(target);
    if (key !== undefined) bySnapshot.set(key, target);
  }
  return merged;
}

/**
 * The entry with only the rules the filter keeps, its counts matching; undefined when the entry
 * had rules and none is left. An entry that came without any rule is kept.
 */
export function filterEntry(entry: Item, filter: RuleFilter): Item | undefined {
  const before = rulesOf(entry.added_rules).length + rulesOf(entry.removed_rules).length;
  const kept: Item = { ...entry };
  for (const [action, list] of Object.entries(LISTS) as [RuleAction, string][]) {
    const asked = filter.actions.includes(action);
    kept[list] = asked ? rulesOf(entry[list]).filter((rule) => matches(rule, filter)) : [];
  }

  const added = (kept.added_rules as Item[]).length;
  const removed = (kept.removed_rules as Item[]).length;
  if (before > 0 && added + removed === 0) return undefined;
  if (entry.counts !== undefined) {
    kept.counts = { ...recordOf(entry.counts), added_rules: added, removed_rules: removed };
  }
  return kept;
}

function matches(rule: Item, filter: RuleFilter): boolean {
  const classification = String(rule.classification ?? '').toLowerCase();
  if (filter.classifications && !filter.classifications.includes(classification)) return false;
  if (filter.text === undefined) return true;

  const needle = filter.text;
  return [rule.name, rule.description].some(
    (field) => typeof field === 'string' && field.toLowerCase().includes(needle),
  );
}

function uniqueRules(rules: Item[]): Item[] {
  const seen = new Set<string>();
  return rules.filter((rule) => {
    const key = ruleKey(rule);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The rule id; a rule without one is identified by its name, else by its whole content. */
function ruleKey(rule: Item): string {
  if (typeof rule.id === 'string' || typeof rule.id === 'number') return `id:${rule.id}`;
  if (typeof rule.name === 'string') return `name:${rule.name}`;
  return `json:${JSON.stringify(rule)}`;
}

export function rulesOf(value: unknown): Item[] {
  return Array.isArray(value) ? value.map(recordOf) : [];
}
