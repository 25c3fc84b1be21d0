import type { ValidateFunction } from 'ajv';
import { ConnectorError } from './errors/connector-error.js';
import { coerceInputs, type PropertySchema } from './inputs/coerce.js';
import { describeInputError } from './inputs/describe.js';
import type { ConnectionSchema } from './manifest/types.js';
import { secrets } from './logging.js';
import { resolveSecret } from './secrets.js';
import type { ResolvedConnection } from './types.js';

/**
 * Checks a connection against the manifest's connection schema (defaults applied, form strings
 * coerced), then resolves a vault reference in the API Key. Messages name the parameter by its
 * label and never show the value of a secret.
 */
export class ConnectionResolver {
  constructor(
    private readonly schema: ConnectionSchema,
    private readonly check: ValidateFunction,
  ) {}

  async resolve(connection: unknown): Promise<ResolvedConnection> {
    if (connection === null || typeof connection !== 'object' || Array.isArray(connection)) {
      throw new ConnectorError(
        'CONNECTION_INVALID',
        'The connection must be an object with Server URL, API Key and API Version.',
      );
    }
    const raw = connection as Record<string, unknown>;
    const properties = this.schema.properties as Record<string, PropertySchema>;
    const { values, problems } = coerceInputs(raw, properties, 'MDY');
    const [problem] = problems;
    if (problem !== undefined) {
      throw this.invalid(
        problem.parameter,
        `${this.label(problem.parameter)} must be ${problem.expected}.`,
      );
    }

    if (!this.check(values)) {
      const [error] = this.check.errors ?? [];
      const shown = this.hideSecrets(raw);
      const { parameter, sentence } = error
        ? describeInputError(error, shown, (name) => this.schema.properties[name])
        : { parameter: '', sentence: 'The connection is not valid.' };
      throw this.invalid(parameter, this.withLabels(sentence));
    }

    const resolved = values as unknown as ResolvedConnection;
    secrets.add(resolved.apiKey);
    const apiKey = await resolveSecret(resolved.apiKey, 'API Key');
    secrets.add(apiKey);
    return { ...resolved, apiKey, proxyUrl: resolved.proxyUrl ?? undefined };
  }

  private label(parameter: string): string {
    return this.schema.properties[parameter]?.title ?? parameter;
  }

  private withLabels(sentence: string): string {
    let text = sentence;
    for (const [name, property] of Object.entries(this.schema.properties)) {
      text = text.replace(new RegExp(`\\b${name}\\b`, 'g'), `${property.title} (${name})`);
    }
    return text;
  }

  private hideSecrets(raw: Record<string, unknown>): Record<string, unknown> {
    const shown: Record<string, unknown> = { ...raw };
    for (const [name, property] of Object.entries(this.schema.properties)) {
      if (property['x-secret'] === true && name in shown) shown[name] = '(hidden)';
    }
    return shown;
  }

  private invalid(parameter: string, message: string): ConnectorError {
    return new ConnectorError('CONNECTION_INVALID', message, { details: { parameter } });
  }
}
