/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for synthetic data; the same seed gives the same stream. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one 32-bit hash, so any (seed, project, asset, salt) tuple gets its own stream. */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

export function rngFor(...parts: number[]): Rng {
  return mulberry32(hash32(...parts));
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

/** Hex digits from a hash chain: stable ids such as request ids, SHA-256 look-alikes and UUIDs. */
export function hexFrom(length: number, ...parts: number[]): string {
  let out = '';
  let h = hash32(...parts);
  while (out.length < length) {
    out += h.toString(16).padStart(8, '0');
    h = hash32(h, out.length);
  }
  return out.slice(0, length);
}

/** A version-4 shaped UUID derived from the given parts. */
export function uuidFrom(...parts: number[]): string {
  const hex = hexFrom(32, ...parts).split('');
  hex[12] = '4';
  hex[16] = '89ab'.charAt(parseInt(hex[16] ?? '0', 16) % 4);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
