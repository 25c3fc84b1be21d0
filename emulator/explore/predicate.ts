import type { Condition, Literal, Operator } from './condition.js';
import { inCidr, likePattern, normalizeAsn, parseCidr } from './match.js';
import { QueryError } from './query-error.js';

/**
 * How a field compares:
 * - text: case-insensitive equality (DNS names and country codes are case-insensitive);
 * - number: numeric equality and ordering;
 * - ipv4: like text, and a literal with a mask ('1.1.1.0/24') matches every address inside it;
 * - asn: 'AS13335', 'as13335' and 13335 are the same value;
 * - keyword: `=` means "contains", as the DSL keyword attribute searches inside hostnames;
 * - object: a nested SQL object, which can only be tested for null.
 */
export type FieldType = 'text' | 'number' | 'ipv4' | 'asn' | 'keyword' | 'object';

/** A named, typed way to read a field's values (zero or more) from one record. */
export interface Field<R> {
  name: string;
  type: FieldType;
  read(record: R): readonly unknown[];
}

/** Looks a field up by name; throws a QueryError naming it when there is no such field. */
export type FieldResolver<R> = (name: string, position: number) => Field<R>;

export type Predicate<R> = (record: R) => boolean;

type ValueTest = (value: unknown) => boolean;

const NEGATED: Partial<Record<Operator, Operator>> = { neq: 'eq', not_in: 'in', not_like: 'like' };
const ORDERING: Partial<Record<Operator, string>> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

/**
 * Turns a parsed condition into a predicate, checking every field and literal up front so a
 * bad query fails before any record is read. A field with several values (a host's A records)
 * matches when any value matches; the negated operators match when none does, so
 * `x != 'a'` is exactly `NOT x = 'a'`.
 */
export function compileCondition<R>(condition: Condition, resolve: FieldResolver<R>): Predicate<R> {
  switch (condition.kind) {
    case 'and':
    case 'or': {
      const left = compileCondition(condition.left, resolve);
      const right = compileCondition(condition.right, resolve);
      if (condition.kind === 'and') return (record) => left(record) && right(record);
      return (record) => left(record) || right(record);
    }
    case 'not': {
      const operand = compileCondition(condition.operand, resolve);
      return (record) => !operand(record);
    }
    case 'compare':
      return compileComparison(condition, resolve(condition.field, condition.position));
  }
}

function compileComparison<R>(
  comparison: Extract<Condition, { kind: 'compare' }>,
  field: Field<R>,
): Predicate<R> {
  const present = (record: R): unknown[] => field.read(record).filter((value) => value != null);
  if (comparison.operator === 'is_null') return (record) => present(record).length === 0;
  if (comparison.operator === 'is_not_null') return (record) => present(record).length > 0;

  if (field.type === 'object') {
    throw new QueryError(
      `Field '${field.name}' at position ${comparison.position} holds objects; compare one of ` +
        'its fields, or test it with IS NULL / IS NOT NULL',
      comparison.position,
    );
  }
  const positive = NEGATED[comparison.operator] ?? comparison.operator;
  const tests = comparison.values.map((literal) =>
    valueTest(field, positive, literal, comparison.position),
  );
  const matches = (record: R): boolean =>
    present(record).some((value) => tests.some((test) => test(value)));
  return positive === comparison.operator ? matches : (record) => !matches(record);
}

function valueTest<R>(
  field: Field<R>,
  operator: Operator,
  literal: Literal,
  at: number,
): ValueTest {
  if (operator === 'like') {
    const pattern = likePattern(String(literal.value));
    return (value) => pattern.test(String(value));
  }
  if (field.type === 'number') return numberTest(field, operator, literal);
  if (operator !== 'eq' && operator !== 'in') {
    const symbol = ORDERING[operator] ?? operator;
    throw new QueryError(
      `Operator '${symbol}' needs a numeric field; '${field.name}' at position ${at} holds text`,
      at,
    );
  }

  const text = String(literal.value).toLowerCase();
  if (field.type === 'keyword') return (value) => String(value).toLowerCase().includes(text);
  if (field.type === 'asn') return asnTest(literal);
  if (field.type === 'ipv4' && text.includes('/')) {
    const block = parseCidr(text);
    if (block === null) {
      throw new QueryError(
        `Invalid CIDR block ${literal.text} at position ${literal.position}; expected an ` +
          "IPv4 address and a mask from 0 to 32, like '1.1.1.0/24'",
        literal.position,
      );
    }
    return (value) => inCidr(String(value), block);
  }
  return (value) => String(value).toLowerCase() === text;
}

function numberTest<R>(field: Field<R>, operator: Operator, literal: Literal): ValueTest {
  const raw = typeof literal.value === 'number' ? literal.value : literal.value.trim();
  const expected = raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(expected)) {
    throw new QueryError(
      `Field '${field.name}' holds numbers; got ${literal.text} at position ${literal.position}`,
      literal.position,
    );
  }
  const compare: Record<string, (value: number) => boolean> = {
    lt: (value) => value < expected,
    lte: (value) => value <= expected,
    gt: (value) => value > expected,
    gte: (value) => value >= expected,
  };
  const ordered = compare[operator];
  return (value) => typeof value === 'number' && (ordered ? ordered(value) : value === expected);
}

function asnTest(literal: Literal): ValueTest {
  const expected = normalizeAsn(literal.value);
  if (expected === null) {
    throw new QueryError(
      `Invalid ASN ${literal.text} at position ${literal.position}; expected a number such as ` +
        "'AS13335' or 13335",
      literal.position,
    );
  }
  return (value) => normalizeAsn(String(value)) === expected;
}
