import type { QueryReader } from '../validation.js';
import type { ProjectData } from '../data/world.js';

export type Predicate = (i: number) => boolean;
export type FilterCategory =
  'asset_properties' | 'certificate_properties' | 'exposure_properties' | 'technology_properties';

export interface FilterSpec {
  name: string;
  category: FilterCategory;
  /** Reads the parameter; returns undefined when it is absent or invalid (the reader records why). */
  read(reader: QueryReader, project: ProjectData): Predicate | undefined;
}

/**
 * Splits a comma list. A comma followed by a space stays inside the value, so owner names such as
 * "Cloudflare, Inc." survive while "nginx,IIS" becomes two values.
 */
export function splitValues(text: string): string[] {
  return text
    .split(/,(?!\s)/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

type Values<T> = (project: ProjectData, i: number) => readonly T[];

/** Case-insensitive text filter; any listed value matching any of the asset's values passes. */
export function text(
  name: string,
  category: FilterCategory,
  values: Values<string | null>,
  mode: 'equals' | 'contains' = 'equals',
): FilterSpec {
  return {
    name,
    category,
    read(reader, project) {
      const raw = reader.raw(name);
      if (raw === undefined) return undefined;
      const wanted = splitValues(raw).map((v) => v.toLowerCase());
      return (i) =>
        values(project, i).some((have) => {
          if (have === null) return false;
          const lower = have.toLowerCase();
          return wanted.some((w) => (mode === 'equals' ? lower === w : lower.includes(w)));
        });
    },
  };
}

/**
 * Any-of filter over a comma list whose values are parsed one by one. The first value that does
 * not parse fails the parameter: `parse` records why on the reader and returns undefined.
 */
function parsedList<T>(
  name: string,
  category: FilterCategory,
  values: Values<T>,
  parse: (reader: QueryReader, part: string) => T | undefined,
): FilterSpec {
  return {
    name,
    category,
    read(reader, project) {
      const raw = reader.raw(name);
      if (raw === undefined) return undefined;
      const wanted: T[] = [];
      for (const part of splitValues(raw)) {
        const value = parse(reader, part);
        if (value === undefined) return undefined;
        wanted.push(value);
      }
      return (i) => values(project, i).some((v) => wanted.includes(v));
    },
  };
}

export function integers(
  name: string,
  category: FilterCategory,
  values: Values<number>,
): FilterSpec {
  return parsedList(name, category, values, (reader, part) => {
    if (/^\d+$/.test(part)) return Number(part);
    reader.fail(
      name,
      'int_parsing',
      'Input should be a valid integer, unable to parse string as an integer',
      part,
    );
    return undefined;
  });
}

/** Values matched case-insensitively to `allowed`, each kept in its allowed spelling. */
export function choice(
  name: string,
  category: FilterCategory,
  allowed: readonly string[],
  values: Values<string>,
): FilterSpec {
  return parsedList(name, category, values, (reader, part) => {
    const found = allowed.find((a) => a.toLowerCase() === part.toLowerCase());
    if (found === undefined) reader.oneOf(name, allowed, part);
    return found;
  });
}

export function flag(
  name: string,
  category: FilterCategory,
  test: (project: ProjectData, i: number) => boolean,
): FilterSpec {
  return {
    name,
    category,
    read(reader, project) {
      const wanted = reader.bool(name);
      if (wanted === undefined) return undefined;
      return (i) => test(project, i) === wanted;
    },
  };
}

/**
 * Date filter over epoch seconds (0 = unknown, never matches). `before` means earlier than the
 * start of the given day; `after` means on that day or later.
 */
export function day(
  name: string,
  category: FilterCategory,
  side: 'before' | 'after',
  values: Values<number>,
): FilterSpec {
  return {
    name,
    category,
    read(reader, project) {
      const limit = reader.day(name);
      if (limit === undefined) return undefined;
      return (i) =>
        values(project, i).some((t) => t !== 0 && (side === 'before' ? t < limit : t >= limit));
    },
  };
}

export function bound(
  name: string,
  category: FilterCategory,
  side: 'gte' | 'lte',
  value: (project: ProjectData, i: number) => number | null,
): FilterSpec {
  return {
    name,
    category,
    read(reader, project) {
      const limit = reader.int(name, { min: 0, max: 100 });
      if (limit === undefined) return undefined;
      return (i) => {
        const v = value(project, i);
        return v !== null && (side === 'gte' ? v >= limit : v <= limit);
      };
    },
  };
}
