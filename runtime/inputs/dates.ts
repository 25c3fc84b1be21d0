import type { DateOrder } from '../types.js';

/**
 * Parses the date-times a SOAR form sends, always as UTC: ISO 8601 ("2025-03-01T10:00:00Z",
 * offsets allowed, no zone means UTC), "2024-07-01 00:00[:00]", "2025-03-01", the slash forms
 * "03/01/2023 12:00 AM" or "03/01/2023 00:00" (month/day order from the form's setting) and Unix
 * seconds. Returns epoch milliseconds, or a sentence saying why the text is not a date.
 */
export type DateParse = { ok: true; epochMs: number } | { ok: false; reason: string };

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;
const UNIX_SECONDS = /^\d{9,10}$/;

export function parseDateTime(text: string, order: DateOrder = 'MDY'): DateParse {
  const value = text.trim();
  if (UNIX_SECONDS.test(value)) return { ok: true, epochMs: Number(value) * 1000 };

  const iso = ISO_LIKE.exec(value);
  if (iso) return fromIso(iso);

  const slashed = SLASHED.exec(value);
  if (slashed) return fromSlashed(slashed, order);

  return {
    ok: false,
    reason:
      'expected a date-time such as 2024-07-01 00:00, 03/01/2023 12:00 AM, 2025-03-01 or ' +
      '2025-03-01T00:00:00Z',
  };
}

function fromIso(match: RegExpExecArray): DateParse {
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = match;
  const millis = Math.round(Number(`0.${fraction}`) * 1000);
  return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), millis, zone);
}

function fromSlashed(match: RegExpExecArray, order: DateOrder): DateParse {
  const [, first, second, y, h = '0', mi = '0', s = '0', meridiem] = match;
  const [month, day] = order === 'MDY' ? [first, second] : [second, first];
  let hour = Number(h);

  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return { ok: false, reason: `hour ${hour} is not valid with AM/PM` };
    hour = (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  }
  const built = build(Number(y), Number(month), Number(day), hour, Number(mi), Number(s), 0);
  if (built.ok) return built;

  const form = order === 'MDY' ? 'MM/DD/YYYY' : 'DD/MM/YYYY';
  return { ok: false, reason: `${built.reason} when read as ${form} (the form's date order)` };
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  zone?: string,
): DateParse {
  if (month < 1 || month > 12) return { ok: false, reason: `month ${month} does not exist` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return { ok: false, reason: `day ${day} does not exist in month ${month} of ${year}` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `time ${hour}:${minute}:${second} does not exist` };
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return { ok: true, epochMs: local - zoneOffsetMs(zone) };
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** `YYYY-MM-DD` of an epoch time, in UTC. */
export function toIsoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS` of an epoch time, in UTC: the API's snapshot format. */
export function toSnapshotTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}
