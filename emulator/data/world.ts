import { generateAssets } from './asset-generator.js';
import type { AssetTable } from './asset-table.js';
import type { ProjectProfile } from './projects.js';
import { baseTime, createProjects } from './projects.js';
import { ruleAssets, signatureAssets } from './rule-entities.js';
import { RULES, ruleOf, ruleScore } from './rules.js';
import { ProjectHistory, Timeline } from './snapshots.js';
import { ProjectTags } from './tag-store.js';
import { TaggingQueue } from './tagging.js';
import { snapshotText } from './time.js';

export interface ProjectData {
  profile: ProjectProfile;
  table: AssetTable;
  tags: ProjectTags;
  signatureAssets: Int32Array[];
  ruleAssets: Int32Array[];
  history: ProjectHistory;
}

export interface SnapshotInfo {
  index: number;
  snapshot: string;
  /** Epoch milliseconds. */
  time: number;
  projects: {
    projectId: string;
    riskScore: number;
    addedRules: string[];
    removedRules: string[];
  }[];
}

export interface WorldOptions {
  seed: number;
  projects: number;
  assetsPerProject: number | readonly number[];
  snapshots: number;
  taggingDelayMs: number;
}

/** All synthetic data of one emulator: projects, their assets, tags and scan history. */
export class World {
  readonly seed: number;
  readonly base: number;
  readonly timeline: Timeline;
  readonly tagging: TaggingQueue;
  readonly projects: ProjectData[];
  private readonly byId = new Map<string, ProjectData>();

  constructor(options: WorldOptions) {
    this.seed = options.seed;
    this.base = baseTime(options.seed);
    this.timeline = new Timeline(options.seed, this.base, Math.max(0, options.snapshots));
    this.tagging = new TaggingQueue(options.seed, options.taggingDelayMs);
    const profiles = createProjects(options.seed, options.projects, options.assetsPerProject);
    this.projects = profiles.map((profile) => this.buildProject(profile));
    this.projects.forEach((p) => this.byId.set(p.profile.id, p));
  }

  private buildProject(profile: ProjectProfile): ProjectData {
    const table = generateAssets(this.seed, profile, this.base);
    const bySignature = signatureAssets(table);
    const byRule = ruleAssets(table, bySignature);
    const candidates = RULES.map((_, r) => r).filter((r) => (byRule[r]?.length ?? 0) > 0);
    // A project that never finished a scan gets its first snapshot from the next advance.
    const first = profile.scannedAtStart ? 0 : this.timeline.times.length;
    return {
      profile,
      table,
      tags: new ProjectTags(this.seed, profile.index, table, profile.initialTags),
      signatureAssets: bySignature,
      ruleAssets: byRule,
      history: new ProjectHistory(this.seed, profile.index, candidates, first),
    };
  }

  project(id: string): ProjectData | undefined {
    return this.byId.get(id);
  }

  /** Global snapshot indexes at which this project has a snapshot, oldest first. */
  snapshotsOf(project: ProjectData): number[] {
    const out: number[] = [];
    for (let k = project.history.firstSnapshot; k <= this.timeline.latest; k += 1) out.push(k);
    return out;
  }

  riskScore(project: ProjectData, k: number): number {
    const rules = project.history.rulesAt(k) ?? [];
    return rules.reduce((max, r) => Math.max(max, ruleScore(ruleOf(r))), 0);
  }

  advanceSnapshot(): SnapshotInfo {
    const k = this.timeline.advance(this.base);
    return this.snapshotInfo(k);
  }

  snapshotInfo(k: number): SnapshotInfo {
    const time = this.timeline.times[k] ?? this.base;
    return {
      index: k,
      snapshot: snapshotText(time),
      time: time * 1000,
      projects: this.projects.map((project) => {
        const now = project.history.rulesAt(k) ?? [];
        const before = project.history.rulesAt(k - 1) ?? [];
        return {
          projectId: project.profile.id,
          riskScore: this.riskScore(project, k),
          addedRules: now.filter((r) => !before.includes(r)).map((r) => RULES[r]?.id ?? ''),
          removedRules: before.filter((r) => !now.includes(r)).map((r) => RULES[r]?.id ?? ''),
        };
      }),
    };
  }
}
