import { QueryError } from './query-error.js';

export type TokenKind =
  | 'word'
  | 'string'
  | 'number'
  | 'operator'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'star'
  | 'semicolon'
  | 'end';

export interface Token {
  kind: TokenKind;
  /** The text as written (for strings: with the quotes), used in error messages. */
  text: string;
  /** Strings without quotes and escapes; numbers and words as written. */
  value: string;
  position: number;
}

const OPERATORS = ['==', '!=', '<>', '<=', '>=', '=', '<', '>'];
/** A number must not run into letters or dots, so an unquoted 1.1.1.1 is refused. */
const NUMBER = /-?\d+(\.\d+)?(?![\w.])/y;
const WORD = /[A-Za-z_][\w.]*/y;
const PUNCTUATION: Record<string, TokenKind> = {
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
  '*': 'star',
  ';': 'semicolon',
};

/**
 * Splits a DSL or SQL query into tokens. Words cover keywords, attribute names and dotted SQL
 * field paths; the parsers decide which is which, case-insensitively. Strings take single or
 * double quotes; a quote inside is written doubled ('it''s') or escaped with a backslash.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source.charAt(index);
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }

    const token = readToken(source, index);
    tokens.push(token);
    index += token.text.length;
  }
  tokens.push({ kind: 'end', text: '', value: '', position: source.length });
  return tokens;
}

function readToken(source: string, start: number): Token {
  const char = source.charAt(start);
  if (char === "'" || char === '"') return readString(source, start, char);

  const punctuation = PUNCTUATION[char];
  if (punctuation !== undefined) return token(punctuation, char, char, start);

  const operator = OPERATORS.find((candidate) => source.startsWith(candidate, start));
  if (operator !== undefined) return token('operator', operator, operator, start);

  const number = matchAt(NUMBER, source, start);
  if (number !== undefined) return token('number', number, number, start);

  const word = matchAt(WORD, source, start);
  if (word !== undefined) return token('word', word, word, start);

  const hint = /\d/.test(char) ? '; put addresses and other values in quotes' : '';
  throw new QueryError(`Unexpected character '${char}' at position ${start}${hint}`, start);
}

function readString(source: string, start: number, quote: string): Token {
  let value = '';
  let index = start + 1;
  while (index < source.length) {
    const char = source.charAt(index);
    if (char === '\\' && index + 1 < source.length) {
      value += source.charAt(index + 1);
      index += 2;
    } else if (char === quote && source.charAt(index + 1) === quote) {
      value += quote;
      index += 2;
    } else if (char === quote) {
      return token('string', source.slice(start, index + 1), value, start);
    } else {
      value += char;
      index += 1;
    }
  }
  throw new QueryError(
    `Unterminated string starting at position ${start}; close it with ${quote}`,
    start,
  );
}

function matchAt(pattern: RegExp, source: string, start: number): string | undefined {
  pattern.lastIndex = start;
  return pattern.exec(source)?.[0];
}

function token(kind: TokenKind, text: string, value: string, position: number): Token {
  return { kind, text, value, position };
}
