import { describe, expect, it } from 'vitest';
import { runPlaybook } from '../../runtime/playbook/run.js';
import type { StepSummary } from '../../runtime/playbook/types.js';
import { ASSETS, fail, ok, PROJECTS, stubConnector } from './helpers.js';

const PROJECT = '{{ $.steps.projects.rawData.data[0].id }}';

function analystConnector() {
  return stubConnector({
    'List Projects': () => ok('List Projects', PROJECTS),
    'Find Assets': () => ok('Find Assets', ASSETS, { 'Total Assets': 3 }),
    'Get Asset Details': (inputs) =>
      inputs['Asset ID'] === 'mail.acme.test'
        ? fail('Get Asset Details', 'NOT_FOUND', 404, 'Asset not found: mail.acme.test.')
        : ok('Get Asset Details', { data: { id: inputs['Asset ID'] } }),
    'Create Tag': (inputs) => ok('Create Tag', { data: { title: inputs['Tag Name'] } }),
    'Get Tags': () => fail('Get Tags', 'NOT_FOUND', 404, 'Unknown Project.'),
  });
}

function playbook(steps: unknown[]) {
  return { name: 'triage', steps };
}

const projects = { id: 'projects', command: 'List Projects', inputs: {} };
const assets = {
  id: 'assets',
  command: 'Find Assets',
  inputs: { 'Project ID': PROJECT, Limit: 10 },
};

describe('runPlaybook', () => {
  it("passes an earlier step's output into a later step's inputs", async () => {
    const { connector, calls } = analystConnector();

    const { summary } = await runPlaybook(playbook([projects, assets]), {
      connector,
      connection: {},
    });

    expect(calls[1]).toEqual({
      command: 'Find Assets',
      inputs: { 'Project ID': 'p-1', Limit: 10 },
    });
    expect(summary).toMatchObject({
      playbook: 'triage',
      outcome: 'Passed',
      counts: { successful: 2, failed: 0, skipped: 0, commandRuns: 2 },
    });
  });

  it('runs a forEach step once per element, with the element as $.item and its position as $.index', async () => {
    const { connector, calls } = analystConnector();
    const tags = {
      id: 'tags',
      command: 'Create Tag',
      forEach: '$.steps.assets.rawData.data[*].id',
      inputs: { 'Project ID': PROJECT, 'Tag Name': 'review-{{ $.index }}-{{ $.item }}' },
    };

    const { summary, outputs } = await runPlaybook(playbook([projects, assets, tags]), {
      connector,
      connection: {},
    });

    expect(calls.slice(2).map((call) => call.inputs['Tag Name'])).toEqual([
      'review-0-vpn.acme.test',
      'review-1-mail.acme.test',
      'review-2-203.0.113.24',
    ]);
    expect(summary.steps[2]?.runs.map((run) => run.item)).toEqual([0, 1, 2]);
    expect(outputs.tags).toMatchObject({
      returnData: 'Successful',
      items: ['vpn.acme.test', 'mail.acme.test', '203.0.113.24'],
      rawData: [
        { data: { title: 'review-0-vpn.acme.test' } },
        expect.anything(),
        expect.anything(),
      ],
    });
  });

  it('iterates over the elements of a list that a plain path selects, and succeeds on an empty list', async () => {
    const { connector, calls } = stubConnector({
      'List Projects': () => ok('List Projects', { data: [] }),
      'Create Tag': () => ok('Create Tag', {}),
    });
    const each = {
      id: 'each',
      command: 'Create Tag',
      forEach: '$.steps.projects.rawData.data',
      inputs: { 'Tag Name': '{{ $.item.id }}' },
    };

    const { summary } = await runPlaybook(playbook([projects, each]), {
      connector,
      connection: {},
    });

    expect(calls).toHaveLength(1);
    expect(summary.steps[1]).toMatchObject({ outcome: 'Successful', runs: [] });
  });

  it('stops at a failed step with onFailure "stop" and skips the steps after it', async () => {
    const { connector, calls } = analystConnector();
    const tags = {
      id: 'tags',
      command: 'Get Tags',
      inputs: { 'Project ID': PROJECT },
      onFailure: 'stop',
    };

    const { summary } = await runPlaybook(playbook([projects, tags, assets]), {
      connector,
      connection: {},
    });

    expect(calls.map((call) => call.command)).toEqual(['List Projects', 'Get Tags']);
    expect(summary.outcome).toBe('Failed');
    expect(summary.steps.map((step) => step.outcome)).toEqual(['Successful', 'Failed', 'Skipped']);
    expect(summary.steps[1]?.error).toEqual({
      message: 'Unknown Project.',
      code: 'NOT_FOUND',
      failureIndicator: 'Get Tags failed.',
      statusCode: 404,
    });
    expect(summary.steps[2]?.skipped).toBe('step "tags" failed and stops the playbook');
  });

  it('goes on after a failed step with onFailure "continue", and the playbook still fails', async () => {
    const { connector, calls } = analystConnector();
    const tags = {
      id: 'tags',
      command: 'Get Tags',
      inputs: { 'Project ID': PROJECT },
      onFailure: 'continue',
    };

    const { summary } = await runPlaybook(playbook([projects, tags, assets]), {
      connector,
      connection: {},
    });

    expect(calls.map((call) => call.command)).toEqual(['List Projects', 'Get Tags', 'Find Assets']);
    expect(summary.outcome).toBe('Failed');
    expect(summary.counts).toEqual({ successful: 2, failed: 1, skipped: 0, commandRuns: 3 });
  });

  it.each([
    ['stop', 2],
    ['continue', 3],
  ])('with onFailure "%s", a failed forEach element leads to %i runs', async (onFailure, runs) => {
    const { connector } = analystConnector();
    const details = {
      id: 'details',
      command: 'Get Asset Details',
      forEach: '$.steps.assets.rawData.data',
      inputs: { 'Project ID': PROJECT, 'Asset ID': '{{ $.item.id }}' },
      onFailure,
    };

    const { summary } = await runPlaybook(playbook([projects, assets, details]), {
      connector,
      connection: {},
    });

    expect(summary.steps[2]).toMatchObject({
      outcome: 'Failed',
      error: { code: 'NOT_FOUND', statusCode: 404 },
    });
    expect(summary.steps[2]?.runs).toHaveLength(runs);
  });

  it('fails a step whose reference cannot be resolved, naming the input and the reference, without running it', async () => {
    const { connector, calls } = analystConnector();
    const bad = {
      id: 'assets',
      command: 'Find Assets',
      inputs: { 'Project ID': '{{ $.steps.project.rawData.data[0].id }}' },
    };
    const seen: StepSummary[] = [];

    const { summary } = await runPlaybook(playbook([projects, bad]), {
      connector,
      connection: {},
      onStep: (step) => seen.push(step),
    });

    expect(calls.map((call) => call.command)).toEqual(['List Projects']);
    expect(summary.steps[1]?.error).toEqual({
      code: 'REFERENCE_UNRESOLVED',
      input: 'Project ID',
      reference: '{{ $.steps.project.rawData.data[0].id }}',
      message:
        'Input "Project ID": The reference {{ $.steps.project.rawData.data[0].id }} cannot be resolved: ' +
        'no step "project" ran before this one (did you mean "projects"?); steps run so far: projects.',
    });
    expect(summary.counts.commandRuns).toBe(1);
    expect(seen.map((step) => step.id)).toEqual(['projects', 'assets']);
  });

  it('fails a forEach step whose path selects something other than a list', async () => {
    const { connector } = analystConnector();
    const each = {
      id: 'each',
      command: 'Create Tag',
      forEach: '$.steps.projects.rawData.data[0]',
      inputs: {},
    };

    const { summary } = await runPlaybook(playbook([projects, each]), {
      connector,
      connection: {},
    });

    expect(summary.steps[1]?.error?.message).toBe(
      'forEach: The reference $.steps.projects.rawData.data[0] cannot be resolved: forEach needs a list, ' +
        'and $.steps.projects.rawData.data[0] selects an object.',
    );
  });

  it('stops before the next step once the signal is aborted', async () => {
    const controller = new AbortController();
    const { connector } = stubConnector({
      'List Projects': () => {
        controller.abort();
        return ok('List Projects', PROJECTS);
      },
      'Find Assets': () => ok('Find Assets', ASSETS),
    });

    const { summary } = await runPlaybook(playbook([projects, assets]), {
      connector,
      connection: {},
      executeOptions: { signal: controller.signal },
    });

    expect(summary.steps[1]).toMatchObject({
      outcome: 'Skipped',
      skipped: 'the playbook was interrupted',
    });
  });
});
