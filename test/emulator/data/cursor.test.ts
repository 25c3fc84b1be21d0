import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../emulator/data/cursor.js';

describe('search-after cursors', () => {
  it('round-trips numbers and strings', () => {
    expect(
      decodeCursor(encodeCursor({ value: 1756338888000, id: 'a.example.com' }, 'desc')),
    ).toEqual({
      value: 1756338888000,
      id: 'a.example.com',
    });
    expect(decodeCursor(encodeCursor({ value: 'example.com', id: '10.0.0.1' }, 'asc'))).toEqual({
      value: 'example.com',
      id: '10.0.0.1',
    });
  });

  it('writes a missing value as Long.MIN for descending order, as recorded, and reads it back as null', () => {
    const cursor = encodeCursor({ value: null, id: 'z.example.com' }, 'desc');
    expect(Buffer.from(cursor, 'base64').toString()).toBe(
      '{"type": "search_after", "sort": [-9223372036854775808, "z.example.com"]}',
    );
    expect(decodeCursor(cursor)).toEqual({ value: null, id: 'z.example.com' });
  });

  it('accepts cursors without base64 padding', () => {
    const cursor = encodeCursor({ value: 99, id: 'ab.example.com' }, 'desc').replace(/=+$/, '');
    expect(decodeCursor(cursor)).toEqual({ value: 99, id: 'ab.example.com' });
  });

  it.each([
    '',
    'not base64!',
    Buffer.from('{"type": "other"}').toString('base64'),
    Buffer.from('[1,2]').toString('base64'),
  ])('rejects %j', (cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});
