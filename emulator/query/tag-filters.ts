import type { ProjectData } from '../data/world.js';
import type { QueryReader } from '../validation.js';
import type { Predicate } from './filter-kinds.js';
import { splitValues } from './filter-kinds.js';

/**
 * The tag filters of Find Assets. `has_custom_tags` overrides the other two; `custom_tags_strict`
 * behaves like `custom_tags` but refuses tags the project does not define. Tags compare
 * case-sensitively, as the API's `in` operator does.
 */
export function readTagFilter(reader: QueryReader, project: ProjectData): Predicate | undefined {
  const hasTags = reader.bool('has_custom_tags');
  if (hasTags !== undefined) return (i) => project.tags.of(i).length > 0 === hasTags;
  if (reader.raw('has_custom_tags') !== undefined) return undefined;

  const strict = reader.raw('custom_tags_strict');
  const loose = reader.raw('custom_tags');
  const wanted = new Set<string>();
  if (strict !== undefined) {
    for (const tag of splitValues(strict)) {
      if (!project.tags.has(tag)) {
        reader.fail(
          'custom_tags_strict',
          'value_error',
          `Value error, Tag '${tag}' is not defined in this project`,
          tag,
        );
      }
      wanted.add(tag);
    }
  }
  if (loose !== undefined) splitValues(loose).forEach((tag) => wanted.add(tag));
  if (strict === undefined && loose === undefined) return undefined;
  return (i) => project.tags.of(i).some((tag) => wanted.has(tag));
}
