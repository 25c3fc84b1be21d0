import { compilePath } from '../../mapping/compiled-path.js';
import type { StepOutput } from '../../playbook/types.js';

interface Finding {
  path: string;
  describe(values: unknown[]): string | undefined;
}

/**
 * Facts picked from the walkthrough's outputs by JSONPath, the way a playbook would read them.
 * A fact whose step failed or whose data is absent is left out rather than shown empty.
 */
const FINDINGS: Finding[] = [
  {
    path: '$.steps.projects.rawData.data[*].title',
    describe: (names) => `  Projects: ${names.join(', ')}`,
  },
  {
    path: '$.steps.assets.rawData.data[*]',
    describe: (assets) => `  Most exposed assets: ${assets.slice(0, 5).map(scoreOf).join(', ')}`,
  },
  {
    path: '$.steps.exposures.rawData.data[*].signature',
    describe: (signatures) => {
      const [first] = signatures as { name?: string; severity?: string }[];
      const top =
        first?.name === undefined ? '' : `; first: ${first.name} (${first.severity ?? 'unknown'})`;
      return `  Exposure signatures: ${signatures.length}${top}`;
    },
  },
  {
    path: '$.steps.exposureAssets.rawData.data.asset_exposures[*].asset_id',
    describe: (ids) =>
      `  Assets with that signature: ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''}`,
  },
  {
    path: '$.steps.applyTag.rawData.data',
    describe: ([data]) => {
      const { add_tags: tags, assets } = (data ?? {}) as {
        add_tags?: unknown[];
        assets?: unknown[];
      };
      if (!Array.isArray(tags) || !Array.isArray(assets)) return undefined;
      return `  Tagged ${assets.join(', ')} with ${tags.join(', ')}`;
    },
  },
  {
    path: '$.steps.incidents',
    describe: ([output]) => {
      const { incidents, events } = (output ?? {}) as { incidents?: unknown[]; events?: unknown[] };
      if (!Array.isArray(incidents) || !Array.isArray(events)) return undefined;
      return `  Fetch Incident: ${events.length} events, ${incidents.length} incidents`;
    },
  },
];

export function describeFindings(outputs: Record<string, StepOutput>): string[] {
  const lines: string[] = [];
  for (const finding of FINDINGS) {
    const values = compilePath(finding.path).evaluate({ steps: outputs });
    const line = values.length > 0 ? finding.describe(values) : undefined;
    if (line !== undefined) lines.push(line);
  }
  return lines;
}

function scoreOf(asset: unknown): string {
  const { id, exposure_score: score } = (asset ?? {}) as { id?: unknown; exposure_score?: unknown };
  return score === undefined ? String(id) : `${String(id)} (${String(score)})`;
}
