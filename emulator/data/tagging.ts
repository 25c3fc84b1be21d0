import { uuidFrom } from './prng.js';
import type { ProjectTags, TagChange } from './tag-store.js';

export interface TaggingResult {
  add_tags: string[] | null;
  remove_tags: string[] | null;
  assets: string[];
  complete: boolean;
  task_ids: string[] | null;
}

interface Task {
  projectId: string;
  dueAt: number;
  tags: ProjectTags;
  change: TagChange;
  result: TaggingResult;
  done: boolean;
}

/**
 * Tagging is asynchronous in the API. A change submitted with a delay is kept here and applied by
 * `settle()` once the clock has passed its due time; the server settles before every request, so
 * no timer outlives the emulator and an injected clock controls completion.
 */
export class TaggingQueue {
  private readonly tasks = new Map<string, Task>();
  private serial = 0;

  constructor(
    private readonly seed: number,
    private readonly delayMs: number,
  ) {}

  submit(
    projectId: string,
    tags: ProjectTags,
    change: TagChange,
    shown: { add: string[] | null; remove: string[] | null; assets: string[] },
    now: number,
  ): TaggingResult {
    const base = { add_tags: shown.add, remove_tags: shown.remove, assets: shown.assets };
    if (this.delayMs <= 0) {
      tags.apply(change);
      return { ...base, complete: true, task_ids: null };
    }
    this.serial += 1;
    const id = uuidFrom(this.seed, this.serial, 0x7a5c);
    const result: TaggingResult = { ...base, complete: false, task_ids: [id] };
    this.tasks.set(id, { projectId, dueAt: now + this.delayMs, tags, change, result, done: false });
    return result;
  }

  settle(now: number): void {
    for (const task of this.tasks.values()) {
      if (task.done || task.dueAt > now) continue;
      task.tags.apply(task.change);
      task.done = true;
    }
  }

  status(projectId: string, taskId: string): TaggingResult | undefined {
    const task = this.tasks.get(taskId);
    if (task === undefined || task.projectId !== projectId) return undefined;
    return { ...task.result, complete: task.done };
  }
}
