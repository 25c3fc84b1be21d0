import { describe, expect, it } from 'vitest';
import {
  referencesIn,
  resolveValue,
  type ReferenceScope,
} from '../../runtime/playbook/references.js';
import { ASSETS, fail, ok, PROJECTS } from './helpers.js';

const scope: ReferenceScope = {
  steps: {
    projects: ok('List Projects', PROJECTS),
    assets: ok('Find Assets', ASSETS, { 'Total Assets': 3 }),
    broken: fail('Get Tags', 'NOT_FOUND', 404, 'Unknown Project.'),
  },
};

describe('playbook references', () => {
  it('replaces a whole-string reference with the value found, keeping its type', () => {
    expect(resolveValue('{{ $.steps.projects.rawData.data[0].id }}', scope)).toBe('p-1');
    expect(resolveValue('{{ $.steps.assets.keyFields["Total Assets"] }}', scope)).toBe(3);
    expect(resolveValue('{{ $.steps.projects.rawData.data }}', scope)).toEqual(PROJECTS.data);
  });

  it('gives the list of matches for a wildcard path', () => {
    expect(resolveValue('{{ $.steps.assets.rawData.data[*].id }}', scope)).toEqual([
      'vpn.acme.test',
      'mail.acme.test',
      '203.0.113.24',
    ]);
  });

  it('writes references inside other text into it', () => {
    const text =
      'Review {{ $.steps.assets.rawData.data[0].id }} (score {{ $.steps.assets.rawData.data[0].exposure_score }})';

    expect(resolveValue(text, scope)).toBe('Review vpn.acme.test (score 92)');
  });

  it('resolves references nested in lists and objects, and the current item', () => {
    const value = {
      Tags: ['{{ $.item.id }}', 'static'],
      'Other Filters': { position: '{{ $.index }}' },
    };

    expect(resolveValue(value, { ...scope, item: { id: 'x' }, index: 2 })).toEqual({
      Tags: ['x', 'static'],
      'Other Filters': { position: 2 },
    });
  });

  it('names the reference and suggests the step id when no such step ran', () => {
    expect(() => resolveValue('{{ $.steps.projets.rawData.data[0].id }}', scope)).toThrow(
      'The reference {{ $.steps.projets.rawData.data[0].id }} cannot be resolved: no step "projets" ran ' +
        'before this one (did you mean "projects"?); steps run so far: projects, assets, broken.',
    );
  });

  it('says that the referenced step failed', () => {
    expect(() => resolveValue('{{ $.steps.broken.rawData.data[0].title }}', scope)).toThrow(
      'step "broken" failed, so its output has no such value',
    );
  });

  it('says that nothing matched in the output of a successful step', () => {
    expect(() => resolveValue('{{ $.steps.projects.rawData.data[5].id }}', scope)).toThrow(
      'The reference {{ $.steps.projects.rawData.data[5].id }} cannot be resolved: nothing matches it in the output of step "projects".',
    );
  });

  it('lists every reference in a value', () => {
    expect(
      referencesIn({ a: '{{ $.steps.x.rawData }} and {{$.item}}', b: ['{{ $.index }}'], c: 3 }),
    ).toEqual(['$.steps.x.rawData', '$.item', '$.index']);
  });
});
