import { describe, expect, it } from 'vitest';
import { hasWhereCondition } from '../../../commands/shared/sql-where.js';

describe('hasWhereCondition', () => {
  it.each([
    "SELECT domain.hostname FROM hosts WHERE domain.apex = 'example.com'",
    "select ip.address from ips where ip.asn.owner = 'Example'",
    'SELECT domain.hostname FROM hosts\nWHERE\n  dns.a.value.ip neq Null',
    "SELECT domain.hostname FROM hosts WHERE 'x' = 'x'",
    'SELECT `where` FROM hosts WHERE domain.apex = "where.example"',
  ])('finds the condition in %j', (sql) => {
    expect(hasWhereCondition(sql)).toBe(true);
  });

  it.each([
    'SELECT domain.hostname FROM hosts',
    "SELECT domain.hostname FROM hosts LIMIT 'WHERE a = 1'",
    'SELECT domain.hostname FROM hosts -- where a = 1',
    'SELECT domain.hostname FROM hosts /* where a = 1 */',
    'SELECT x.where FROM hosts',
    "SELECT domain.hostname FROM hosts LIMIT 'it''s where'",
    "SELECT domain.hostname FROM hosts LIMIT 'it\\'s where'",
    'SELECT domain.hostname FROM hosts WHERE',
    'SELECT domain.hostname FROM hosts WHERE ;',
    'SELECT somewhere FROM hosts',
  ])('finds no condition in %j', (sql) => {
    expect(hasWhereCondition(sql)).toBe(false);
  });
});
