import { describe, expect, it } from 'vitest';
import { formatStep, formatSummary } from '../../runtime/playbook/report.js';
import type { PlaybookSummary, StepSummary } from '../../runtime/playbook/types.js';

const successful: StepSummary = {
  id: 'assets',
  command: 'Find Assets',
  outcome: 'Successful',
  durationMs: 31,
  runs: [
    {
      outcome: 'Successful',
      durationMs: 31,
      keyFields: { 'Total Assets': 1430, 'Returned Assets': 10 },
    },
  ],
};

describe('playbook report', () => {
  it('shows a successful step with its key fields', () => {
    expect(formatStep(successful)).toBe(
      '✔ assets: Find Assets Successful (31 ms)\n    Total Assets: 1430; Returned Assets: 10',
    );
  });

  it('shows a failed forEach step with its run count and first failure', () => {
    const step: StepSummary = {
      id: 'details',
      command: 'Get Asset Details',
      outcome: 'Failed',
      durationMs: 50,
      runs: [
        { outcome: 'Successful', durationMs: 20, item: 0 },
        { outcome: 'Failed', durationMs: 30, item: 1 },
      ],
      error: { code: 'NOT_FOUND', statusCode: 404, message: 'Asset not found: x.' },
    };

    expect(formatStep(step)).toBe(
      '✘ details: Get Asset Details Failed (50 ms, 2 runs, 1 failed)\n    NOT_FOUND [status 404]: Asset not found: x.',
    );
  });

  it('shows the key fields of the first runs of a forEach step', () => {
    const runs = Array.from({ length: 5 }, (_, item) => ({
      outcome: 'Successful' as const,
      durationMs: 2,
      item,
      keyFields: { 'Asset ID': `a${item}` },
    }));
    const step: StepSummary = {
      id: 'details',
      command: 'Get Asset Details',
      outcome: 'Successful',
      durationMs: 10,
      runs,
    };

    expect(formatStep(step).split('\n')).toEqual([
      '✔ details: Get Asset Details Successful (10 ms, 5 runs)',
      '    [0] Asset ID: a0',
      '    [1] Asset ID: a1',
      '    [2] Asset ID: a2',
      '    ... 2 more runs',
    ]);
  });

  it('shows why a step was skipped', () => {
    const step: StepSummary = {
      id: 'tag',
      command: 'Create Tag',
      outcome: 'Skipped',
      durationMs: 0,
      runs: [],
      skipped: 'step "assets" failed and stops the playbook',
    };

    expect(formatStep(step)).toBe(
      '- tag: Create Tag Skipped\n    skipped: step "assets" failed and stops the playbook',
    );
  });

  it('sums up the playbook in one line', () => {
    const summary: PlaybookSummary = {
      playbook: 'triage',
      outcome: 'Passed',
      startedAt: '2025-06-01T00:00:00.000Z',
      durationMs: 1234,
      counts: { successful: 1, failed: 0, skipped: 0, commandRuns: 1 },
      steps: [successful],
    };

    expect(formatSummary(summary)).toBe(
      'Playbook "triage" Passed: 1 of 1 steps successful, 0 failed, 0 skipped (1 command run, 1.2 s).',
    );
  });
});
