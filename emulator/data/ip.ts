export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export function parseIpv4(text: string): number | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value >>> 0;
}

/** Reads `a.b.c.d` or `a.b.c.d/n` into a network and mask, for `referenced_ip` filters. */
export function parseIpv4Network(text: string): { network: number; mask: number } | undefined {
  const [address = '', bits] = text.split('/');
  const ip = parseIpv4(address);
  if (ip === undefined) return undefined;
  const prefix = bits === undefined ? 32 : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { network: (ip & mask) >>> 0, mask };
}

/** A documentation-range IPv6 address derived from a hash, for AAAA records. */
export function ipv6From(hash: number): string {
  const a = ((hash >>> 16) & 0xffff).toString(16);
  const b = (hash & 0xffff).toString(16);
  return `2001:db8:${a}::${b}`;
}
