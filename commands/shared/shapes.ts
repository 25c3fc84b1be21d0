/**
 * Tolerant readers for the API's response envelopes. The recorded responses differ in which
 * keys are present (`meta.counts` missing, `pagination: {}`, `data` a list or an object), so
 * handlers read through these instead of trusting one shape.
 */
export function recordOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** `data` as a list: a list stays a list, a single object becomes a list of one, else empty. */
export function listOf(body: unknown): Record<string, unknown>[] {
  const data = recordOf(body).data;
  if (Array.isArray(data)) return data.map(recordOf);
  if (data !== null && typeof data === 'object') return [data as Record<string, unknown>];
  return [];
}

export function numberOr(value: unknown, fallback: number | undefined): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return fallback;
}

/** `meta.pagination.next_cursor`, whichever of null, absent or `pagination: {}` the API chose. */
export function nextCursorOf(body: unknown): string | undefined {
  const pagination = recordOf(recordOf(recordOf(body).meta).pagination);
  const cursor = pagination.next_cursor;
  return typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
}

/** The total the API reports for a v2 list: `meta.pagination.total`, else `meta.counts.total`. */
export function totalOf(body: unknown): number | undefined {
  const meta = recordOf(recordOf(body).meta);
  return numberOr(
    recordOf(meta.pagination).total,
    numberOr(recordOf(meta.counts).total, undefined),
  );
}
