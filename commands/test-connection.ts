import type { CommandContext, CommandResult } from '../runtime/types.js';
import { ConnectorError } from '../runtime/errors/connector-error.js';
import { listOf } from './shared/shapes.js';

interface Usage {
  current_monthly_usage?: number;
  allowed_monthly_usage?: number;
}

/**
 * Pings the API with the key. With API Version v2 it also lists the projects, since a key can
 * pass the ping without access to the ASI project API. The monthly usage is added when the
 * account endpoint answers; a failure there does not fail the check.
 */
export default async function testConnection(context: CommandContext): Promise<CommandResult> {
  const { client, connection, logger } = context;

  const ping = await client.get<{ success?: unknown }>('/v1/ping');
  if (ping?.success !== true) {
    throw new ConnectorError('UPSTREAM_ERROR', 'The ping endpoint did not confirm success.', {
      statusCode: 200,
    });
  }

  const projects =
    connection.apiVersion === 'v2' ? listOf(await client.get('/v2/projects')).length : undefined;

  let usage: Usage | undefined;
  const warnings: string[] = [];
  try {
    usage = await client.get<Usage>('/v1/account/usage');
  } catch (error) {
    logger.debug({ code: (error as ConnectorError).code }, 'usage unavailable');
    warnings.push(`Monthly usage could not be read: ${(error as Error).message}`);
  }

  const current = usage?.current_monthly_usage;
  const allowed = usage?.allowed_monthly_usage;
  return {
    rawData: {
      success: true,
      ...(usage && { usage }),
      ...(projects !== undefined && { projects }),
    },
    keyFields: {
      'API Version': connection.apiVersion,
      ...(projects !== undefined && { 'Accessible Projects': projects }),
      ...(typeof current === 'number' && { 'Monthly Usage': current }),
      ...(typeof allowed === 'number' && { 'Monthly Quota': allowed }),
      ...(typeof current === 'number' &&
        typeof allowed === 'number' && { 'Quota Remaining': Math.max(0, allowed - current) }),
    },
    warnings,
  };
}
