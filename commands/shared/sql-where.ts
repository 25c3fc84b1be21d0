/** `quoted`: a string literal or a quoted identifier, kept whole with its quotes. */
type Token = { kind: 'word' | 'quoted' | 'symbol'; text: string };

/**
 * Whether a SQL statement filters its rows: a WHERE keyword followed by a condition. A WHERE
 * inside a string literal ('... where ...'), a quoted identifier or a comment does not count,
 * and neither does a property whose dotted name contains the word (`x.where`).
 */
export function hasWhereCondition(sql: string): boolean {
  const tokens = tokenize(sql);
  const at = tokens.findIndex((token) => token.kind === 'word' && token.text === 'where');
  if (at === -1) return false;

  return tokens.slice(at + 1).some((token) => token.text !== ';');
}

const WORD = /[A-Za-z0-9_.$]/;

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;

  while (index < sql.length) {
    const char = sql[index] as string;
    const pair = sql.slice(index, index + 2);

    if (/\s/.test(char)) {
      index += 1;
    } else if (pair === '--') {
      index = endOf(sql, '\n', index + 2);
    } else if (pair === '/*') {
      index = endOf(sql, '*/', index + 2);
    } else if (char === "'" || char === '"' || char === '`') {
      const end = closingQuote(sql, char, index + 1);
      tokens.push({ kind: 'quoted', text: sql.slice(index, end) });
      index = end;
    } else if (WORD.test(char)) {
      let end = index + 1;
      while (end < sql.length && WORD.test(sql[end] as string)) end += 1;
      tokens.push({ kind: 'word', text: sql.slice(index, end).toLowerCase() });
      index = end;
    } else {
      tokens.push({ kind: 'symbol', text: char });
      index += 1;
    }
  }
  return tokens;
}

/** The index after `marker`, or the end of the text when it never comes. */
function endOf(sql: string, marker: string, from: number): number {
  const found = sql.indexOf(marker, from);
  return found === -1 ? sql.length : found + marker.length;
}

/** The index after the quote closing a literal; a doubled or backslashed quote stays inside. */
function closingQuote(sql: string, quote: string, from: number): number {
  let index = from;
  while (index < sql.length) {
    const char = sql[index];
    if (char === '\\') {
      index += 2;
    } else if (char === quote && sql[index + 1] === quote) {
      index += 2;
    } else if (char === quote) {
      return index + 1;
    } else {
      index += 1;
    }
  }
  return sql.length;
}
