import { describe, expect, it } from 'vitest';
import { compileDsl, parseDsl } from '../../../emulator/explore/dsl.js';
import { QueryError } from '../../../emulator/explore/query-error.js';
import { showCondition } from './show-condition.js';

function parsed(query: string): string {
  return showCondition(parseDsl(query));
}

/** The QueryError a query raises when compiled, with its message and position. */
function failure(query: string): { message: string; position: number } {
  try {
    compileDsl(query);
  } catch (error) {
    if (error instanceof QueryError) return { message: error.message, position: error.position };
    throw error;
  }
  throw new Error(`expected ${query} to fail`);
}

describe('DSL parser', () => {
  it.each([
    ["ns = 'ns1.yahoo.com'", 'ns eq "ns1.yahoo.com"'],
    ["ipv4 != '1.1.1.1'", 'ipv4 neq "1.1.1.1"'],
    ["ipv4 <> '1.1.1.1'", 'ipv4 neq "1.1.1.1"'],
    ["asn in ('AS13335', 15169)", 'asn in "AS13335",15169'],
    ["tld not in ('com')", 'tld not_in "com"'],
    ["mx like '%google%'", 'mx like "%google%"'],
    ["mx not like '%google%'", 'mx not_like "%google%"'],
    ['cname is null', 'cname is_null'],
    ['cname is not null', 'cname is_not_null'],
    ['cname = null', 'cname is_null'],
    ['cname != null', 'cname is_not_null'],
  ])('parses %s', (query, expected) => {
    expect(parsed(query)).toBe(expected);
  });

  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    expect(parsed("tld = 'a' OR tld = 'b' AND NOT tld = 'c'")).toBe(
      '(tld eq "a" OR (tld eq "b" AND NOT tld eq "c"))',
    );
    expect(parsed("NOT tld = 'a' AND tld = 'b'")).toBe('(NOT tld eq "a" AND tld eq "b")');
  });

  it('lets parentheses override precedence and nest', () => {
    expect(parsed("(tld = 'a' OR tld = 'b') AND NOT (ns = 'c' OR (mx = 'd'))")).toBe(
      '((tld eq "a" OR tld eq "b") AND NOT (ns eq "c" OR mx eq "d"))',
    );
  });

  it('reads AND and OR chains left to right', () => {
    expect(parsed("tld = 'a' OR tld = 'b' OR tld = 'c'")).toBe(
      '((tld eq "a" OR tld eq "b") OR tld eq "c")',
    );
  });

  it('accepts keywords in any letter case', () => {
    expect(parsed("ns = 'a' and NOT tld In ('b') oR cname IS nOt NULL Or mx LiKe 'c'")).toBe(
      '(((ns eq "a" AND NOT tld in "b") OR cname is_not_null) OR mx like "c")',
    );
  });

  it('unescapes doubled and backslash-escaped quotes and accepts double quotes', () => {
    expect(parseDsl("whois_organization = 'O''Reilly'")).toMatchObject({
      values: [{ value: "O'Reilly" }],
    });
    expect(parseDsl("whois_organization = 'O\\'Reilly \\\\ Co'")).toMatchObject({
      values: [{ value: "O'Reilly \\ Co" }],
    });
    expect(parseDsl('whois_name = "Jun ""J"" Tanaka"')).toMatchObject({
      values: [{ value: 'Jun "J" Tanaka' }],
    });
  });

  it('reads unquoted numbers as numbers', () => {
    expect(parseDsl('asn = 13335')).toMatchObject({ values: [{ value: 13335 }] });
  });

  it('keeps the position of every field and value', () => {
    expect(parseDsl("tld = 'com' AND  mx = 'x'")).toMatchObject({
      left: { position: 0, values: [{ position: 6 }] },
      right: { position: 17, values: [{ position: 22 }] },
    });
  });
});

describe('DSL errors', () => {
  it('says where a value is missing', () => {
    const query = "ns = 'ns1.yahoo.com' AND (ipv4 = )";
    expect(failure(query)).toEqual({
      message: `Unexpected token ')' at position ${query.indexOf(')')}; expected a value`,
      position: query.indexOf(')'),
    });
  });

  it('names an unknown attribute and lists the known ones', () => {
    const { message, position } = failure("tld = 'com' AND hostname = 'a.com'");
    expect(position).toBe(16);
    expect(message).toMatch(/^Unknown attribute 'hostname' at position 16; expected one of ipv4, /);
    expect(message).toContain('whois_postalCode');
  });

  it.each([
    ['', 'Unexpected end of query at position 0; expected an attribute', 0],
    ["ipv4 'x'", "Unexpected token ''x'' at position 5; expected an operator", 5],
    [
      "tld = 'a' tld = 'b'",
      "Unexpected token 'tld' at position 10; expected AND, OR or the end",
      10,
    ],
    ["(tld = 'a'", 'Unexpected end of query at position 10', 10],
    ["tld = 'a' AND", 'Unexpected end of query at position 13; expected an attribute', 13],
    ["tld = 'abc", "Unterminated string starting at position 6; close it with '", 6],
    ['ipv4 = 1.1.1.1', "Unexpected character '1' at position 7; put addresses", 7],
    ['tld like 5', "Unexpected token '5' at position 9; expected a quoted pattern", 9],
    ["tld in 'a'", "Unexpected token ''a'' at position 7; expected '(' to open the list", 7],
    ["tld in ('a' 'b')", "Unexpected token ''b'' at position 12; expected ',' or ')'", 12],
    ["tld not = 'a'", "Unexpected token '=' at position 8; expected IN or LIKE", 8],
    ["tld is 'a'", "Unexpected token ''a'' at position 7; expected NULL", 7],
    ["AND tld = 'a'", "Unexpected token 'AND' at position 0; expected an attribute", 0],
    ["tld = 'a' # x", "Unexpected character '#' at position 10", 10],
  ])('rejects %j', (query, message, position) => {
    const error = failure(query);
    expect(error.message).toContain(message);
    expect(error.position).toBe(position);
  });

  it('rejects a malformed CIDR block at the value', () => {
    expect(failure("ipv4 = '1.1.1.0/33'")).toEqual({
      message:
        "Invalid CIDR block '1.1.1.0/33' at position 7; expected an IPv4 address and a mask " +
        "from 0 to 32, like '1.1.1.0/24'",
      position: 7,
    });
  });

  it('rejects an ASN that is not a number', () => {
    expect(failure("asn = 'cloudflare'").message).toMatch(
      /^Invalid ASN 'cloudflare' at position 6/,
    );
  });

  it('rejects ordering comparisons on text attributes', () => {
    expect(failure("tld > 'a'")).toEqual({
      message: "Operator '>' needs a numeric field; 'tld' at position 0 holds text",
      position: 0,
    });
  });
});
