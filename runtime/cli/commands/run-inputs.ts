import type { CommandInfo, Connector } from '../../connector.js';
import { didYouMean, isPlainObject, readJsonFile, UsageError } from '../usage.js';

/** Collects repeated `--input` options in the order given. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The command by display name; a mistyped name is a usage error with the closest names. */
export function findCommand(connector: Connector, name: string): CommandInfo {
  const info = connector.command(name);
  if (info !== undefined) return info;
  const known = connector.commands.map((command) => command.name);
  throw new UsageError(
    `There is no command "${name}".${didYouMean(name, known)} ` +
      'Run "soar-connector commands" to list them.',
  );
}

/**
 * Inputs from `--inputs FILE` (a JSON object) overlaid with each `--input "Name=value"`. Values
 * stay the strings a SOAR form would send; the runtime coerces them (numbers, JSON, lists).
 */
export async function gatherInputs(
  pairs: string[],
  file: string | undefined,
): Promise<Record<string, unknown>> {
  const inputs: Record<string, unknown> = {};
  if (file !== undefined) {
    const content = await readJsonFile(file, '--inputs');
    if (!isPlainObject(content)) {
      throw new UsageError(`--inputs ${file} must hold a JSON object keyed by input name.`);
    }
    Object.assign(inputs, content);
  }

  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new UsageError(
        `--input "${pair}" must read "Name=value", e.g. --input "Project ID=abc".`,
      );
    }
    inputs[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return inputs;
}

/** Refuses input names the command does not have, suggesting the one that was probably meant. */
export function checkInputNames(info: CommandInfo, inputs: Record<string, unknown>): void {
  const known = info.inputs.map((input) => input.name);
  for (const name of Object.keys(inputs)) {
    if (known.includes(name)) continue;
    const accepted =
      known.length > 0 ? ` It accepts: ${known.join(', ')}.` : ' It takes no inputs.';
    throw new UsageError(
      `${info.name} has no input "${name}".${didYouMean(name, known)}${accepted}`,
    );
  }
}
