import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../../runtime/playbook/parse.js';
import { runPlaybook } from '../../runtime/playbook/run.js';
import { stubConnector } from './helpers.js';

const step = { id: 'projects', command: 'List Projects', inputs: {} };

describe('parsePlaybook', () => {
  it('defaults inputs to none and onFailure to "stop", and accepts forEach written as a reference', () => {
    const playbook = parsePlaybook({
      name: 'p',
      steps: [
        { id: 'projects', command: 'List Projects' },
        { id: 'each', command: 'Get Tags', forEach: '{{ $.steps.projects.rawData.data }}' },
      ],
    });

    expect(playbook.steps).toEqual([
      { id: 'projects', command: 'List Projects', inputs: {}, onFailure: 'stop' },
      {
        id: 'each',
        command: 'Get Tags',
        inputs: {},
        forEach: '$.steps.projects.rawData.data',
        onFailure: 'stop',
      },
    ]);
  });

  it.each([
    [[], 'A playbook is a JSON object with "name" and "steps".'],
    [{ name: 'p', steps: [] }, 'The playbook needs "steps": a non-empty list of steps.'],
    [{ name: 'p', steps: [{ ...step, id: 'a b' }] }, 'steps[0].id must start with a letter or _'],
    [{ name: 'p', steps: [step, step] }, 'Two steps have the id "projects"; ids must be unique.'],
    [
      { name: 'p', steps: [{ ...step, onFailure: 'retry' }] },
      'Step "projects": "onFailure" must be "stop" or "continue"; got "retry".',
    ],
    [
      { name: 'p', steps: [{ ...step, inputs: { 'Project ID': '{{ $.steps.x.rawData[ }}' } }] },
      'Step "projects": the reference {{ $.steps.x.rawData[ }} is not a valid JSONPath: JSON path \'$.steps.x.rawData[\' is malformed at position 17',
    ],
    [
      { name: 'p', steps: [{ ...step, inputs: { 'Asset ID': '{{ $.item.id }}' } }] },
      'Step "projects": the reference {{ $.item.id }} must start with $.steps.<id>.',
    ],
    [
      { name: 'p', steps: [{ ...step, inputs: { 'Asset ID': '{{ $.data[0] }}' } }] },
      'Step "projects": the reference {{ $.data[0] }} must start with $.steps.<id>.',
    ],
  ])('refuses %j', (playbook, message) => {
    expect(() => parsePlaybook(playbook)).toThrow(message);
  });

  it('refuses a command the connector does not have before running any step, suggesting the close one', async () => {
    const { connector, calls } = stubConnector({
      'List Projects': () => {
        throw new Error('List Projects must not run');
      },
    });
    const playbook = {
      name: 'p',
      steps: [step, { id: 'assets', command: 'List Project', inputs: {} }],
    };

    await expect(runPlaybook(playbook, { connector, connection: {} })).rejects.toThrow(
      'Step "assets" names the command "List Project", which does not exist. Did you mean "List Projects"?',
    );
    expect(calls).toEqual([]);
  });
});
