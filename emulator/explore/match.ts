/** Value matching behind the comparison operators; pure and independent of any record shape. */

/** `%` matches any run of characters, `_` exactly one; case-insensitive and anchored. */
export function likePattern(pattern: string): RegExp {
  let source = '';
  for (const char of pattern) {
    if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

/** The address as an unsigned 32-bit number, or null when it is not dotted-quad IPv4. */
export function ipv4ToNumber(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;

  let result = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    result = result * 256 + Number(part);
  }
  return result;
}

export interface CidrBlock {
  network: number;
  mask: number;
}

/** Parses "1.1.1.0/24"; null when the address or the mask (0 to 32) is invalid. */
export function parseCidr(block: string): CidrBlock | null {
  const [address = '', bits = '', extra] = block.split('/');
  const network = ipv4ToNumber(address);
  if (extra !== undefined || network === null || !/^\d{1,2}$/.test(bits)) return null;
  if (Number(bits) > 32) return null;

  const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
  return { network: (network & mask) >>> 0, mask };
}

export function inCidr(address: string, block: CidrBlock): boolean {
  const value = ipv4ToNumber(address);
  return value !== null && (value & block.mask) >>> 0 === block.network;
}

/** "AS13335", "as13335" and 13335 all name the same autonomous system. */
export function normalizeAsn(value: string | number): string | null {
  const digits = String(value).trim().replace(/^as/i, '');
  return /^\d+$/.test(digits) ? String(Number(digits)) : null;
}
