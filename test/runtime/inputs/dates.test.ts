import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../../runtime/inputs/dates.js';

function iso(text: string, order: 'MDY' | 'DMY' = 'MDY'): string {
  const parsed = parseDateTime(text, order);
  if (!parsed.ok) throw new Error(parsed.reason);
  return new Date(parsed.epochMs).toISOString();
}

describe('parseDateTime', () => {
  it.each([
    ['2024-07-01 00:00', '2024-07-01T00:00:00.000Z'],
    ['2024-07-01 13:45:10', '2024-07-01T13:45:10.000Z'],
    ['2025-03-01', '2025-03-01T00:00:00.000Z'],
    ['2025-03-01T10:00:00Z', '2025-03-01T10:00:00.000Z'],
    ['2025-03-01T10:00:00.250Z', '2025-03-01T10:00:00.250Z'],
    ['2025-03-01T10:00:00+02:00', '2025-03-01T08:00:00.000Z'],
    ['2025-03-01T10:00:00-0130', '2025-03-01T11:30:00.000Z'],
    ['2025-03-01T10:00', '2025-03-01T10:00:00.000Z'],
    ['03/01/2023 12:00 AM', '2023-03-01T00:00:00.000Z'],
    ['03/01/2023 12:30 PM', '2023-03-01T12:30:00.000Z'],
    ['03/01/2023 1:05 pm', '2023-03-01T13:05:00.000Z'],
    ['03/01/2023 00:00', '2023-03-01T00:00:00.000Z'],
    ['03/01/2023', '2023-03-01T00:00:00.000Z'],
    ['1719792000', '2024-07-01T00:00:00.000Z'],
  ])('reads %s as %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('reads the day first when the form uses DD/MM/YYYY', () => {
    expect(iso('03/01/2023 12:00 AM', 'DMY')).toBe('2023-01-03T00:00:00.000Z');
  });

  it.each([
    ['13/01/2023', 'MDY', 'month 13 does not exist when read as MM/DD/YYYY'],
    ['01/13/2023', 'DMY', 'month 13 does not exist when read as DD/MM/YYYY'],
    ['2023-02-29', 'MDY', 'day 29 does not exist in month 2 of 2023'],
    ['2024-07-01 24:00', 'MDY', 'time 24:0:0 does not exist'],
    ['13/01/2023 13:00 PM', 'DMY', 'hour 13 is not valid with AM/PM'],
    ['yesterday', 'MDY', 'expected a date-time such as'],
  ] as const)('refuses %s (%s) saying why', (text, order, reason) => {
    const parsed = parseDateTime(text, order);

    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});
