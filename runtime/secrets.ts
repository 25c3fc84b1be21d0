import { readFile } from 'node:fs/promises';
import { ConnectorError } from './errors/connector-error.js';

/**
 * Resolves an API Key given as a vault reference at execution time: `env:NAME` reads an
 * environment variable, `file:PATH` reads a file (trailing newline dropped), the way vault
 * agents hand secrets over. Anything else is the key itself. The resolved value is never stored.
 */
export async function resolveSecret(value: string, parameter: string): Promise<string> {
  if (value.startsWith('env:')) return fromEnvironment(value.slice(4), parameter);
  if (value.startsWith('file:')) return fromFile(value.slice(5), parameter);
  return value;
}

function fromEnvironment(name: string, parameter: string): string {
  const resolved = process.env[name];
  if (resolved === undefined || resolved.trim() === '') {
    throw new ConnectorError(
      'SECRET_UNRESOLVED',
      `${parameter} refers to the environment variable ${name}, which is not set or empty; ` +
        `export ${name} or give the key itself.`,
      { details: { parameter, reference: `env:${name}` } },
    );
  }
  return resolved.trim();
}

async function fromFile(path: string, parameter: string): Promise<string> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConnectorError(
      'SECRET_UNRESOLVED',
      `${parameter} refers to the file ${path}, which cannot be read (${reason}); ` +
        'create it or fix the path.',
      { details: { parameter, reference: `file:${path}` } },
    );
  }
  const secret = content.trim();
  if (secret === '') {
    throw new ConnectorError('SECRET_UNRESOLVED', `${parameter}: the file ${path} is empty.`, {
      details: { parameter, reference: `file:${path}` },
    });
  }
  return secret;
}
