import { ConnectorError } from '../errors/connector-error.js';

/**
 * Builds an API path with every interpolated value encoded as one path segment, so an Asset ID
 * such as `../x` or `a b` cannot change the route. `.` and `..` are refused outright: URL
 * parsers treat them (even percent-encoded) as dot segments and would climb the path.
 */
export function apiPath(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((path, literal, index) => {
    if (index === 0) return literal;
    return path + encodeSegment(values[index - 1]) + literal;
  }, '');
}

function encodeSegment(value: unknown): string {
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new ConnectorError(
      'INPUT_INVALID',
      `A path parameter cannot be ${text === '' ? 'empty' : `'${text}'`}; give a real identifier.`,
      { details: { value: text } },
    );
  }
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate half; inputs are checked for it, so this is a value the API sent back.
    throw new ConnectorError(
      'RESPONSE_INVALID',
      'A path parameter holds a broken Unicode character (a lone surrogate) and cannot be sent.',
      { details: { length: text.length } },
    );
  }
}
