import { tokenize, type Token, type TokenKind } from './lexer.js';
import { QueryError } from './query-error.js';

/** A cursor over the tokens of one query, with the error wording both parsers share. */
export class TokenStream {
  private readonly tokens: Token[];
  private index = 0;

  constructor(source: string) {
    this.tokens = tokenize(source);
  }

  peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1];
    const token = this.tokens[this.index + offset] ?? last;
    if (token === undefined) throw new Error('a token list always ends with an end token');
    return token;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  /** True when the next token is the given keyword, in any letter case. */
  atKeyword(keyword: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && token.value.toLowerCase() === keyword;
  }

  /** Consumes the keyword when it is next; returns whether it did. */
  acceptKeyword(keyword: string): boolean {
    if (!this.atKeyword(keyword)) return false;
    this.index += 1;
    return true;
  }

  expectKeyword(keyword: string): Token {
    if (!this.atKeyword(keyword)) this.fail(keyword.toUpperCase());
    return this.next();
  }

  expect(kind: TokenKind, expected: string): Token {
    if (this.peek().kind !== kind) this.fail(expected);
    return this.next();
  }

  /** Throws "Unexpected token ')' at position 17; expected a value" for the next token. */
  fail(expected: string): never {
    const token = this.peek();
    const found =
      token.kind === 'end' ? 'Unexpected end of query' : `Unexpected token '${token.text}'`;
    throw new QueryError(
      `${found} at position ${token.position}; expected ${expected}`,
      token.position,
    );
  }
}
