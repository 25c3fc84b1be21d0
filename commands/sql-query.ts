import { apiPath } from '../runtime/http/api-path.js';
import { paginate, type PaginateResult } from '../runtime/http/paginate.js';
import type { CommandContext, CommandResult } from '../runtime/types.js';
import { asScrollFailure } from './shared/query-failures.js';
import { numberOr, recordOf } from './shared/shapes.js';
import { hasWhereCondition } from './shared/sql-where.js';

type Item = Record<string, unknown>;

const PAGE_SIZE = 100;

/** `total` as the API sends it: `{value, relation}`, the value sometimes a string. */
interface Total {
  value: number | undefined;
  /** `eq` for an exact count; anything else (`gte`) makes the value a lower bound. */
  exact: boolean;
}

/**
 * Runs a SQL query and reads its records up to Max Records: the first page from
 * `POST /v1/query/scroll`, the next ones from `GET /v1/query/scroll/{id}`. The id may change per
 * page or stay the same, so the end is an absent id, an empty page or the exact total reached.
 * Every page costs one API request, pages past the end included, hence the record cap.
 */
export default async function sqlQuery(context: CommandContext): Promise<CommandResult> {
  const { client, inputs } = context;
  const query = String(inputs.Query);
  const maxRecords = Number(inputs['Max Records']);

  let first: Item | undefined;
  let total: Total = { value: undefined, exact: false };
  let scrollId: string | undefined;
  let requested = 0;
  const read = { pages: 0, records: 0 };

  // The cursor handed to paginate is the page number: an id repeated by the API is no loop.
  const fetchPage = async (cursor: string | undefined) => {
    requested += 1;
    let body: Item;
    if (cursor === undefined) {
      body = recordOf(await client.post('/v1/query/scroll', { query }));
      first = body;
      total = totalOf(body.total);
    } else {
      body = await continueScroll(context, scrollId as string, read);
    }

    scrollId = typeof body.id === 'string' && body.id !== '' ? body.id : undefined;
    const records = Array.isArray(body.records) ? body.records.map(recordOf) : [];
    return {
      items: records,
      nextCursor: scrollId === undefined ? undefined : String(requested + 1),
      total: total.exact ? total.value : undefined,
    };
  };

  const result = await paginate<Item>({
    fetchPage,
    pageSize: PAGE_SIZE,
    limit: maxRecords,
    onPage: (pages, records) => {
      Object.assign(read, { pages, records });
      context.progress(pages, records);
    },
  });

  const body = first as Item;
  return {
    rawData: {
      query: body.query ?? query,
      total: body.total ?? null,
      pages: result.pages,
      records: result.items,
    },
    keyFields: {
      Total: total.value ?? null,
      'Returned Records': result.items.length,
      Pages: result.pages,
    },
    warnings: [
      ...whereWarning(query),
      ...capWarnings(result, total, maxRecords, scrollId === undefined),
    ],
  };
}

async function continueScroll(
  { client }: CommandContext,
  scrollId: string,
  read: { pages: number; records: number },
): Promise<Item> {
  try {
    return recordOf(await client.get(apiPath`/v1/query/scroll/${scrollId}`));
  } catch (error) {
    throw asScrollFailure(error, read);
  }
}

function totalOf(value: unknown): Total {
  const total = recordOf(value);
  const relation = total.relation;
  return {
    value: numberOr(total.value, undefined),
    exact: relation === undefined || relation === null || relation === 'eq',
  };
}

function whereWarning(query: string): string[] {
  if (hasWhereCondition(query)) return [];
  return [
    'The query has no WHERE condition, so it reads the whole table and every page costs one ' +
      'API request. Add a WHERE condition to narrow the result.',
  ];
}

function capWarnings(
  result: PaginateResult<Item>,
  total: Total,
  maxRecords: number,
  scrollEnded: boolean,
): string[] {
  const returned = result.items.length;
  const known = total.value;
  const available = known === undefined ? 'more' : `${total.exact ? '' : 'at least '}${known}`;

  if (result.stoppedBy === 'limit-reached') {
    if (scrollEnded || (known !== undefined && total.exact && returned >= known)) return [];
    return [
      `Stopped at Max Records (${maxRecords}): ${returned} records were returned, ${available} ` +
        'match the query. Raise Max Records to read more; each page costs one API request.',
    ];
  }
  if (known !== undefined && total.exact && returned < known) {
    return [
      `SecurityTrails reported ${known} records but returned ${returned} before the scroll ` +
        'ended; the result may be incomplete.',
    ];
  }
  return [];
}
