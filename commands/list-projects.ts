import type { CommandContext, CommandResult } from '../runtime/types.js';
import { listOf, recordOf } from './shared/shapes.js';

/** Lists the ASI projects the key can access. The API does not paginate this list. */
export default async function listProjects({ client }: CommandContext): Promise<CommandResult> {
  const body = await client.get('/v2/projects');
  const projects = listOf(body);

  return {
    rawData: { ...recordOf(body), data: projects },
    keyFields: {
      'Total Projects': projects.length,
      'Project IDs': projects.map((project) => project.id),
      'Project Titles': projects.map((project) => project.title),
    },
  };
}
