export const DAY_S = 86_400;

function isoParts(epochS: number): string {
  return new Date(epochS * 1000).toISOString().slice(0, 19);
}

/** `2025-08-27T18:07:07Z`: the form of most v2 timestamps. */
export function isoZ(epochS: number): string {
  return `${isoParts(epochS)}Z`;
}

/** `2022-11-11T19:10:46`: projects' `inserted_at` carries no zone in recorded responses. */
export function isoNoZone(epochS: number): string {
  return isoParts(epochS);
}

/** `2022-07-07 06:08:33`: the snapshot form of the v1 ASI API (UTC, no zone). */
export function snapshotText(epochS: number): string {
  return isoParts(epochS).replace('T', ' ');
}

const SNAPSHOT_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcSeconds(parts: string[]): number | undefined {
  const [y, mo, d, h = '0', mi = '0', s = '0'] = parts.map((p) => p);
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const back = new Date(ms);
  if (
    Number.isNaN(ms) ||
    back.getUTCDate() !== Number(d) ||
    back.getUTCMonth() !== Number(mo) - 1
  ) {
    return undefined;
  }
  return Math.floor(ms / 1000);
}

/** Reads `YYYY-MM-DD HH:MM:SS` (or with `T`/`Z`) as UTC seconds. */
export function parseSnapshotText(text: string): number | undefined {
  const m = SNAPSHOT_RE.exec(text.trim());
  return m ? utcSeconds(m.slice(1)) : undefined;
}

/** Reads a Unix time in seconds or a snapshot string, as the v1 ASI `start`/`end` parameters allow. */
export function parseInstant(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d{1,12}(\.\d+)?$/.test(trimmed)) return Math.floor(Number(trimmed));
  return parseSnapshotText(trimmed);
}

/** Reads `YYYY-MM-DD` as the UTC midnight that starts the day. */
export function parseDay(text: string): number | undefined {
  const m = DATE_RE.exec(text.trim());
  return m ? utcSeconds(m.slice(1)) : undefined;
}
