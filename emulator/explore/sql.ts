import { parseCondition, type Condition } from './condition.js';
import { compileCondition, type Field, type FieldType } from './predicate.js';
import { collect, project } from './projection.js';
import { QueryError } from './query-error.js';
import type { ExploreDataset } from './records.js';
import { HOSTS_TABLE, IPS_TABLE, type SqlTable } from './sql-tables.js';
import { TokenStream } from './token-stream.js';

/** `SELECT <fields | *> FROM <table> [WHERE <condition>] [;]`, with every position kept. */
export interface SqlStatement {
  /** Dotted field paths as written, or '*' for whole records. */
  fields: { path: string; position: number }[] | '*';
  table: { name: string; position: number };
  where: Condition | null;
}

/** A checked query, ready to run against a data set. */
export interface SqlPlan {
  table: 'hosts' | 'ips';
  run(dataset: ExploreDataset): SqlResult;
}

/** The rows a query matched; records are projected only when a page of them is asked for. */
export interface SqlResult {
  total: number;
  page(offset: number, size: number): Record<string, unknown>[];
}

const PLANNERS: Record<string, (statement: SqlStatement) => SqlPlan> = {
  hosts: (statement) => planFor(HOSTS_TABLE, statement),
  ips: (statement) => planFor(IPS_TABLE, statement),
};

export function parseSql(query: string): SqlStatement {
  const stream = new TokenStream(query);
  stream.expectKeyword('select');
  const fields = stream.peek().kind === 'star' ? '*' : parseFields(stream);
  if (fields === '*') stream.next();
  stream.expectKeyword('from');
  const table = stream.expect('word', 'a table name (hosts or ips)');
  const where = stream.acceptKeyword('where') ? parseCondition(stream, 'a field') : null;
  if (stream.peek().kind === 'semicolon') stream.next();

  const end = where === null ? 'WHERE or the end of the query' : 'AND, OR or the end of the query';
  if (stream.peek().kind !== 'end') stream.fail(end);
  return { fields, table: { name: table.value, position: table.position }, where };
}

function parseFields(stream: TokenStream): { path: string; position: number }[] {
  const fields = [parseField(stream)];
  while (stream.peek().kind === 'comma') {
    stream.next();
    fields.push(parseField(stream));
  }
  return fields;
}

function parseField(stream: TokenStream): { path: string; position: number } {
  const token = stream.peek();
  if (token.kind !== 'word' || token.value.toLowerCase() === 'from') stream.fail("a field or '*'");
  stream.next();
  return { path: token.value, position: token.position };
}

/** Parses and checks a SQL query: the table, every selected field and every condition. */
export function compileSql(query: string): SqlPlan {
  const statement = parseSql(query);
  const planner = PLANNERS[statement.table.name.toLowerCase()];
  if (planner === undefined) {
    const { name, position } = statement.table;
    throw new QueryError(
      `Unknown table '${name}' at position ${position}; expected hosts or ips`,
      position,
    );
  }
  return planner(statement);
}

function planFor<R>(table: SqlTable<R>, statement: SqlStatement): SqlPlan {
  const types = fieldTypes(table);
  const resolve = (path: string, position: number): { path: string; type: FieldType } => {
    const type = types.get(path.toLowerCase());
    if (type !== undefined) return { path: path.toLowerCase(), type };
    throw new QueryError(
      `Unknown field '${path}' at position ${position} in table ${table.name}`,
      position,
    );
  };

  const selected =
    statement.fields === '*'
      ? Object.keys(table.sections).map((section) => [section])
      : statement.fields.map(({ path, position }) => resolve(path, position).path.split('.'));
  const matches =
    statement.where === null
      ? () => true
      : compileCondition<R>(statement.where, (name, position): Field<R> => {
          const { path, type } = resolve(name, position);
          const [section = '', ...rest] = path.split('.');
          const build = table.sections[section];
          return { name: path, type, read: (row) => (build ? collect(build(row), rest) : []) };
        });

  return {
    table: table.name,
    run(dataset) {
      const rows = table.rows(dataset).filter((row) => matches(row));
      const sections = [...new Set(selected.map(([section = '']) => section))];
      return {
        total: rows.length,
        page: (offset, size) =>
          rows
            .slice(offset, offset + size)
            .map((row) => project(buildRecord(table, row, sections), selected)),
      };
    },
  };
}

function buildRecord<R>(table: SqlTable<R>, row: R, sections: string[]): Record<string, unknown> {
  return Object.fromEntries(sections.map((section) => [section, table.sections[section]?.(row)]));
}

/** Leaf paths with their types, plus every object path above them typed 'object'. */
function fieldTypes<R>(table: SqlTable<R>): Map<string, FieldType> {
  const types = new Map<string, FieldType>();
  for (const [path, type] of Object.entries(table.leaves)) {
    const segments = path.split('.');
    for (let length = 1; length < segments.length; length += 1) {
      types.set(segments.slice(0, length).join('.'), 'object');
    }
    types.set(path, type);
  }
  return types;
}
