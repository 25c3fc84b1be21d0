import type { CommandInfo, CommandInput } from '../../connector.js';

const WIDTH = 100;

/** A command as `soar-connector commands` lists it: versions, description, inputs, an example. */
export function formatCommand(info: CommandInfo): string {
  const lines = [`${info.name}  (API ${info.apiVersions.join(', ')})`];
  lines.push(...wrap(info.description, '  '));

  if (info.inputs.length === 0) lines.push('  Inputs: none');
  else {
    lines.push('  Inputs:');
    for (const input of info.inputs) lines.push(...wrap(describeInput(input), '    ', '      '));
  }

  lines.push(`  Example: ${exampleInvocation(info)}`);
  return lines.join('\n');
}

function describeInput(input: CommandInput): string {
  const facts = [input.required ? 'required' : 'optional', input.type];
  if (input.enum !== undefined)
    facts.push(`one of ${input.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (input.default !== undefined) facts.push(`default ${JSON.stringify(input.default)}`);
  return `${input.name} (${facts.join('; ')}): ${input.description}`;
}

/** `soar-connector run "<Command>"` with every required input set to its documented example. */
export function exampleInvocation(info: CommandInfo): string {
  const parts = ['soar-connector', 'run', `"${info.name}"`];
  for (const input of info.inputs.filter((candidate) => candidate.required)) {
    const example = input.examples?.[0] ?? input.default ?? `<${input.name}>`;
    parts.push('--input', shellQuote(`${input.name}=${formValue(example)}`));
  }
  return parts.join(' ');
}

/** How a SOAR form would send the value: lists comma-separated, objects as JSON text. */
function formValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.join(',');
  return JSON.stringify(value);
}

function shellQuote(text: string): string {
  if (!/["$`\\]/.test(text)) return `"${text}"`;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function wrap(text: string, first: string, rest = first): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const indent = lines.length === 0 ? first : rest;
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push((lines.length === 0 ? first : rest) + line);
  return lines;
}
