import type { Token } from './lexer.js';
import type { TokenStream } from './token-stream.js';

/**
 * The condition grammar shared by the DSL and the SQL WHERE clause:
 *
 *   or         := and ( OR and )*
 *   and        := not ( AND not )*
 *   not        := NOT not | primary                  (so NOT binds tighter than AND, AND than OR)
 *   primary    := '(' or ')' | comparison
 *   comparison := field ( ( = | == | eq | != | <> | neq | < | <= | > | >= ) value
 *                        | ( = | == | eq ) NULL | ( != | <> | neq ) NULL | IS [NOT] NULL
 *                        | [NOT] IN '(' value ( ',' value )* ')' | [NOT] LIKE string )
 *
 * Keywords are case-insensitive; values are quoted strings or numbers.
 */

export type Operator =
  | 'eq'
  | 'neq'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'in'
  | 'not_in'
  | 'like'
  | 'not_like'
  | 'is_null'
  | 'is_not_null';

export interface Literal {
  value: string | number;
  text: string;
  position: number;
}

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; field: string; position: number; operator: Operator; values: Literal[] };

const RESERVED = new Set(['and', 'or', 'not', 'in', 'like', 'is', 'null', 'eq', 'neq']);
const SYMBOLS: Record<string, Operator> = {
  '=': 'eq',
  '==': 'eq',
  '!=': 'neq',
  '<>': 'neq',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte',
};
const EXPECTED_OPERATOR = 'an operator (=, !=, in, like, is null)';

/** `subject` names what a comparison starts with in errors: "an attribute" or "a field". */
export function parseCondition(stream: TokenStream, subject: string): Condition {
  let left = parseAnd(stream, subject);
  while (stream.acceptKeyword('or')) {
    left = { kind: 'or', left, right: parseAnd(stream, subject) };
  }
  return left;
}

function parseAnd(stream: TokenStream, subject: string): Condition {
  let left = parseNot(stream, subject);
  while (stream.acceptKeyword('and')) {
    left = { kind: 'and', left, right: parseNot(stream, subject) };
  }
  return left;
}

function parseNot(stream: TokenStream, subject: string): Condition {
  if (stream.acceptKeyword('not')) return { kind: 'not', operand: parseNot(stream, subject) };
  if (stream.peek().kind !== 'lparen') return parseComparison(stream, subject);

  stream.next();
  const inner = parseCondition(stream, subject);
  stream.expect('rparen', "')'");
  return inner;
}

function parseComparison(stream: TokenStream, subject: string): Condition {
  const field = stream.peek();
  if (field.kind !== 'word' || RESERVED.has(field.value.toLowerCase())) stream.fail(subject);
  stream.next();

  const compare = (operator: Operator, values: Literal[] = []): Condition => ({
    kind: 'compare',
    field: field.value,
    position: field.position,
    operator,
    values,
  });

  if (stream.acceptKeyword('is')) {
    const negated = stream.acceptKeyword('not');
    stream.expectKeyword('null');
    return compare(negated ? 'is_not_null' : 'is_null');
  }
  const negated = stream.acceptKeyword('not');
  if (stream.acceptKeyword('in')) return compare(negated ? 'not_in' : 'in', parseList(stream));
  if (stream.acceptKeyword('like')) {
    const pattern = literal(stream.expect('string', 'a quoted pattern'));
    return compare(negated ? 'not_like' : 'like', [pattern]);
  }
  if (negated) stream.fail('IN or LIKE');

  const operator = parseOperator(stream);
  if ((operator === 'eq' || operator === 'neq') && stream.acceptKeyword('null')) {
    return compare(operator === 'eq' ? 'is_null' : 'is_not_null');
  }
  return compare(operator, [parseValue(stream)]);
}

function parseOperator(stream: TokenStream): Operator {
  const token = stream.peek();
  const word = token.kind === 'word' ? token.value.toLowerCase() : '';
  const operator =
    token.kind === 'operator'
      ? SYMBOLS[token.value]
      : word === 'eq' || word === 'neq'
        ? word
        : undefined;
  if (operator === undefined) stream.fail(EXPECTED_OPERATOR);
  stream.next();
  return operator;
}

function parseList(stream: TokenStream): Literal[] {
  stream.expect('lparen', "'(' to open the list");
  const values = [parseValue(stream)];
  while (stream.peek().kind === 'comma') {
    stream.next();
    values.push(parseValue(stream));
  }
  stream.expect('rparen', "',' or ')'");
  return values;
}

function parseValue(stream: TokenStream): Literal {
  const token = stream.peek();
  if (token.kind !== 'string' && token.kind !== 'number') stream.fail('a value');
  return literal(stream.next());
}

function literal(token: Token): Literal {
  const value = token.kind === 'number' ? Number(token.value) : token.value;
  return { value, text: token.text, position: token.position };
}
