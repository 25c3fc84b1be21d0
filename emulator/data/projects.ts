import { APEX_SUFFIXES, COMPANIES, TAG_TITLES } from './names.js';
import type { Company } from './names.js';
import { hash32, intBetween, rngFor, uuidFrom } from './prng.js';
import { DAY_S } from './time.js';

export interface ProjectProfile {
  index: number;
  id: string;
  title: string;
  company: Company;
  apexes: string[];
  /** WHOIS contact e-mails used by this project's domains. */
  emails: string[];
  insertedAt: number;
  /** False for the project that has never completed a scan (no `last_scanned_at` key). */
  scannedAtStart: boolean;
  assetCount: number;
  initialTags: string[];
}

/** The newest initial snapshot: a fixed date moved by the seed, never the wall clock. */
export function baseTime(seed: number): number {
  const start = Date.UTC(2025, 4, 12, 0, 0, 0) / 1000;
  return start + (hash32(seed, 7) % 60) * DAY_S + (hash32(seed, 11) % DAY_S);
}

function companyFor(index: number): Company {
  const company = COMPANIES[index % COMPANIES.length] ?? {
    title: 'Project',
    slug: 'p',
    organization: 'P',
  };
  if (index < COMPANIES.length) return company;
  const round = Math.floor(index / COMPANIES.length) + 1;
  return {
    title: `${company.title} ${round}`,
    slug: `${company.slug}${round}`,
    organization: company.organization,
  };
}

function assetCountFor(index: number, perProject: number | readonly number[]): number {
  if (typeof perProject === 'number') return perProject;
  return perProject[index] ?? perProject[perProject.length - 1] ?? 0;
}

export function createProjects(
  seed: number,
  count: number,
  perProject: number | readonly number[],
): ProjectProfile[] {
  const base = baseTime(seed);
  const projects: ProjectProfile[] = [];
  for (let index = 0; index < count; index += 1) {
    const rng = rngFor(seed, index, 0x9e37);
    const company = companyFor(index);
    const apexCount = intBetween(rng, 2, 5);
    const apexes = APEX_SUFFIXES.slice(0, apexCount).map((suffix) => `${company.slug}${suffix}`);
    const first = apexes[0] ?? `${company.slug}.com`;
    const second = apexes[1] ?? first;
    projects.push({
      index,
      id: uuidFrom(seed, index, 0x51),
      title: company.title,
      company,
      apexes,
      emails: [`hostmaster@${first}`, `domains@${first}`, `it-admin@${second}`, `dns@${second}`],
      // Older projects first, as in recorded responses sorted ascending.
      insertedAt: base - Math.max(30, 900 - index * 40) * DAY_S - intBetween(rng, 0, DAY_S),
      scannedAtStart: index !== 2,
      assetCount: Math.max(0, Math.floor(assetCountFor(index, perProject))),
      initialTags: TAG_TITLES.filter(() => rng() < 0.6),
    });
  }
  return projects;
}
