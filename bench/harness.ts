import { performance } from 'node:perf_hooks';

/** One figure of bench/results.json: a value, what it was compared with, and their ratio. */
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  baseline: number | null;
  ratio: number | null;
  note?: string;
}

export interface Contender {
  name: string;
  run(): Promise<unknown> | unknown;
}

/**
 * Runs the contenders side by side: a warm-up of each, then rounds in which every contender
 * runs once in a rotating order, so drift of the machine (GC, other load) hits all of them
 * alike. Returns each contender's per-run durations in milliseconds.
 */
export async function interleave(
  contenders: Contender[],
  options: { warmup: number; rounds: number },
): Promise<Map<string, number[]>> {
  const samples = new Map(contenders.map((contender) => [contender.name, [] as number[]]));

  for (let round = 0; round < options.warmup; round += 1) {
    for (const contender of contenders) await contender.run();
  }
  for (let round = 0; round < options.rounds; round += 1) {
    for (let offset = 0; offset < contenders.length; offset += 1) {
      const contender = contenders[(round + offset) % contenders.length] as Contender;
      const started = performance.now();
      await contender.run();
      samples.get(contender.name)?.push(performance.now() - started);
    }
  }
  return samples;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function result(
  name: string,
  unit: string,
  value: number,
  baseline: number | null,
  note?: string,
): BenchResult {
  return {
    name,
    unit,
    value: round(value),
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null || baseline === 0 ? null : round(value / baseline),
    ...(note !== undefined && { note }),
  };
}
