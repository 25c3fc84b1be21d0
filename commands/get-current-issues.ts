import { ConnectorError } from '../runtime/errors/connector-error.js';
import type { CommandResult } from '../runtime/types.js';

export default async function placeholderHandler(): Promise<CommandResult> {
  throw new ConnectorError('INTERNAL', 'PLACEHOLDER-HANDLER');
}
