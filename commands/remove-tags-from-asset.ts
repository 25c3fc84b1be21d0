import type { CommandContext, CommandResult } from '../runtime/types.js';
import { changeAssetTags } from './shared/asset-tagging.js';

/** Removes tags from an asset; the API treats a tag the asset does not carry as removed. */
export default async function removeTagsFromAsset(context: CommandContext): Promise<CommandResult> {
  return changeAssetTags(context, 'remove');
}
