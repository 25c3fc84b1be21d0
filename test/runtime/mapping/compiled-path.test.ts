import fc from 'fast-check';
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { compilePath } from '../../../runtime/mapping/compiled-path.js';
import { parsePath } from '../../../runtime/mapping/path-syntax.js';

const KEYS = ['a', 'b', 'c', '0', '1'];

/** JSON whose object keys often collide with the generated path steps, "0" and "1" included. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 3 })),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A name, an index or a wildcard, in each notation the documented mappings use. */
const step = fc.oneof(
  fc.constantFrom('a', 'b', 'c').map((name) => `.${name}`),
  fc.constantFrom('a', 'b', '0').map((name) => `['${name}']`),
  fc.integer({ min: -1, max: 3 }).map((index) => `[${index}]`),
  fc.constantFrom('.*', '[*]'),
);

const path = fc.array(step, { minLength: 1, maxLength: 4 }).map((steps) => `$${steps.join('')}`);

describe('compilePath', () => {
  it('agrees with jsonpath-plus on name, index and wildcard paths over random JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(json), fc.dictionary(fc.constantFrom(...KEYS), json)),
        path,
        (root, source) => {
          const expected = JSONPath({
            path: source,
            json: root,
            wrap: true,
            eval: false,
          }) as unknown[];
          expect(compilePath(source).evaluate(root)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('walks the documented paths directly, without jsonpath-plus', () => {
    const segments = parsePath('.example_entities.*[0].additional');

    expect(segments.map((segment) => segment.kind)).toEqual(['name', 'wildcard', 'index', 'name']);
  });

  it('indexes strings and objects with a key "0", as jsonpath-plus does', () => {
    const value = { s: 'xyz', o: { '0': 'zero' } };

    expect(compilePath('$.s[0]').evaluate(value)).toEqual(['x']);
    expect(compilePath('$.o[0]').evaluate(value)).toEqual(['zero']);
  });

  it('keeps quoted names with commas and dots as one name', () => {
    expect(compilePath("$['a,b']").evaluate({ 'a,b': 1, a: 2, b: 3 })).toEqual([1]);
    expect(compilePath("$['a.b']").evaluate({ 'a.b': 4, a: { b: 5 } })).toEqual([4]);
  });
});
