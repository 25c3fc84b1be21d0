import { InvalidArgumentError } from 'commander';

/** Commander parser for a whole number within bounds; anything else is a usage error. */
export function integerOption(min: number, max: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(
        `expected a whole number from ${min} to ${max}; got "${value}".`,
      );
    }
    return parsed;
  };
}

/** Commander parser for a positive number of minutes; fractions allowed for short test intervals. */
export function minutesOption(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) {
    throw new InvalidArgumentError(`expected a positive number of minutes; got "${value}".`);
  }
  return parsed;
}
