import type { CommandContext, CommandResult } from '../runtime/types.js';
import { changeAssetTags } from './shared/asset-tagging.js';

/** Adds tags to an asset; tags the project lacks are created by the API after a delay. */
export default async function applyTagsToAsset(context: CommandContext): Promise<CommandResult> {
  return changeAssetTags(context, 'add');
}
