import { describe, expect, it } from 'vitest';
import {
  inCidr,
  ipv4ToNumber,
  likePattern,
  normalizeAsn,
  parseCidr,
} from '../../../emulator/explore/match.js';

describe('value matching', () => {
  it.each([
    ['%.google.com', 'mail.google.com', true],
    ['%.google.com', 'google.com', false],
    ['g_ogle%', 'GOOGLE.COM', true],
    ['a.c', 'abc', false],
    ['100%', '100 percent', true],
    ['(x)+', '(x)+', true],
  ])('like %j on %j is %s', (pattern, value, expected) => {
    expect(likePattern(pattern).test(value)).toBe(expected);
  });

  it.each([
    ['1.1.1.1', '1.1.1.0/24', true],
    ['1.1.2.1', '1.1.1.0/24', false],
    ['9.9.9.9', '0.0.0.0/0', true],
    ['8.8.8.8', '8.8.8.8/32', true],
    ['8.8.8.9', '8.8.8.8/32', false],
    ['104.17.3.4', '104.16.0.0/15', true],
    ['104.18.3.4', '104.16.0.0/15', false],
  ])('%s in %s is %s', (address, block, expected) => {
    const cidr = parseCidr(block);
    expect(cidr).not.toBeNull();
    if (cidr !== null) expect(inCidr(address, cidr)).toBe(expected);
  });

  it.each(['1.1.1.0/33', '1.1.1/24', '1.1.1.256/8', '1.1.1.1/', '1.1.1.1/8/8', 'a.b.c.d/8'])(
    'rejects the CIDR block %j',
    (block) => {
      expect(parseCidr(block)).toBeNull();
    },
  );

  it('reads dotted-quad IPv4 only', () => {
    expect(ipv4ToNumber('255.255.255.255')).toBe(4294967295);
    expect(ipv4ToNumber('2606:4700::1111')).toBeNull();
  });

  it('treats AS13335, as13335 and 13335 as one ASN', () => {
    expect([normalizeAsn('AS13335'), normalizeAsn('as013335'), normalizeAsn(13335)]).toEqual([
      '13335',
      '13335',
      '13335',
    ]);
    expect(normalizeAsn('ASX')).toBeNull();
  });
});
