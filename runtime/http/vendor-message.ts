/**
 * The message of a SecurityTrails error body. v1 sends `{"message": ...}`; v2 (FastAPI) sends
 * `{"detail": "..."}` or, for validation errors, `{"detail": [{loc, msg, type}]}`, rendered here
 * as "limit (query): ensure this value is less than or equal to 1000".
 */
export function vendorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return plainText(body);
  if (body === null || typeof body !== 'object') return undefined;

  const record = body as Record<string, unknown>;
  if (typeof record.message === 'string' && record.message !== '') {
    return withValidationErrors(record.message, record.validation_errors);
  }
  if (typeof record.detail === 'string' && record.detail !== '') return record.detail;
  if (Array.isArray(record.detail)) return renderValidationList(record.detail);
  if (typeof record.error === 'string' && record.error !== '') return record.error;
  return undefined;
}

/**
 * Some v2 errors say "Validation errors, see 'validation_errors'." and put the list beside the
 * message; the user gets the list itself, not a pointer to a field they cannot see.
 */
function withValidationErrors(message: string, errors: unknown): string {
  if (Array.isArray(errors)) {
    const rendered = renderValidationList(errors);
    return rendered === undefined ? message : `${message} ${rendered}`;
  }
  if (errors !== null && typeof errors === 'object') {
    const rendered = Object.entries(errors)
      .map(
        ([field, problem]) =>
          `${field}: ${Array.isArray(problem) ? problem.join(', ') : String(problem)}`,
      )
      .join('; ');
    return rendered === '' ? message : `${message} ${rendered}`;
  }
  return message;
}

function renderValidationList(items: unknown[]): string | undefined {
  const lines = items.map((item) => {
    if (item === null || typeof item !== 'object') return String(item);
    // FastAPI sends {loc, msg}; other v2 errors send {field, message}.
    const { loc, msg, field, message } = item as Record<string, unknown>;
    const where = Array.isArray(loc)
      ? describeLocation(loc)
      : typeof field === 'string'
        ? field
        : '';
    const text = msg ?? message;
    const what = typeof text === 'string' ? text : JSON.stringify(item);
    return where === '' ? what : `${where}: ${what}`;
  });
  return lines.length === 0 ? undefined : lines.join('; ');
}

function describeLocation(loc: unknown[]): string {
  const [place, ...rest] = loc.map(String);
  if (place === undefined) return '';
  return rest.length === 0 ? place : `${rest.join('.')} (${place})`;
}

/** A short excerpt of a non-JSON body such as an HTML error page, tags removed. */
function plainText(body: string): string | undefined {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return undefined;
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
