import { parseCondition, type Condition } from './condition.js';
import { DSL_ATTRIBUTE_NAMES, dslAttribute } from './dsl-attributes.js';
import { compileCondition, type Predicate } from './predicate.js';
import { QueryError } from './query-error.js';
import type { HostRecord } from './records.js';
import { TokenStream } from './token-stream.js';

/** Parses a DSL query (SQL WHERE-like predicates over host attributes) into a condition tree. */
export function parseDsl(query: string): Condition {
  const stream = new TokenStream(query);
  const condition = parseCondition(stream, 'an attribute');
  if (stream.peek().kind !== 'end') stream.fail('AND, OR or the end of the query');
  return condition;
}

/** Parses and checks a DSL query; the predicate tells which hosts it selects. */
export function compileDsl(query: string): Predicate<HostRecord> {
  return compileCondition(parseDsl(query), (name, position) => {
    const attribute = dslAttribute(name);
    if (attribute !== undefined) return attribute;
    throw new QueryError(
      `Unknown attribute '${name}' at position ${position}; expected one of ` +
        DSL_ATTRIBUTE_NAMES.join(', '),
      position,
    );
  });
}

/**
 * Writes the structured search body (`{"ipv4": "1.1.1.1", "tld": "com"}`) as the equivalent
 * DSL, one `=` per key joined by AND (a list becomes IN), as the API echoes it in meta.query.
 * Errors about the filter point at position 0, since the query text is ours, not the caller's.
 */
export function filterToDsl(filter: Record<string, unknown>): string {
  const clauses = Object.entries(filter).map(([key, value]) => {
    if (dslAttribute(key) === undefined) {
      throw new QueryError(
        `Unknown filter attribute '${key}'; expected one of ${DSL_ATTRIBUTE_NAMES.join(', ')}`,
        0,
      );
    }
    if (Array.isArray(value) && value.length > 0) {
      return `${key} in (${value.map((item) => dslValue(key, item)).join(', ')})`;
    }
    return `${key} = ${dslValue(key, value)}`;
  });
  if (clauses.length === 0) {
    throw new QueryError(
      'The filter is empty; give at least one attribute, like {"ipv4": "1.1.1.1"}',
      0,
    );
  }
  return clauses.join(' AND ');
}

function dslValue(key: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return `'${value.replace(/[\\']/g, '\\$&')}'`;

  const got = value === null ? 'null' : Array.isArray(value) ? 'an empty list' : typeof value;
  throw new QueryError(
    `Filter attribute '${key}' needs a string, a number or a list of them; got ${got}`,
    0,
  );
}
