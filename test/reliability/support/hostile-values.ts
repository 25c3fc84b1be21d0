import fc from 'fast-check';
import { SECRET_KEY } from '../../helpers/connector.js';

/** The key a pollution attempt tries to plant on Object.prototype. */
export const POLLUTION_MARK = 'pollutedByInput';

/**
 * Objects that try to reach Object.prototype through `__proto__`, `constructor.prototype` or
 * `prototype`. JSON.parse makes `__proto__` an own key, as a JSON body from a SOAR form would.
 */
const pollutingJson = [
  `{"__proto__": {"${POLLUTION_MARK}": "yes"}}`,
  `{"constructor": {"prototype": {"${POLLUTION_MARK}": "yes"}}}`,
  `{"prototype": {"${POLLUTION_MARK}": "yes"}}`,
  `{"apex": "example.com", "__proto__": {"${POLLUTION_MARK}": "yes"}}`,
  `{"snapshot_time": "2025-01-01 00:00:00", "is_fetched": true, "__proto__": {"is_fetched": false}}`,
  `[{"__proto__": {"${POLLUTION_MARK}": "yes"}}]`,
];
export const pollutingValue: fc.Arbitrary<unknown> = fc
  .constantFrom(...pollutingJson)
  .chain((text) => fc.constantFrom<unknown>(text, JSON.parse(text)));

/** Arrays or objects nested 1000 levels and more, as a value and as the JSON text of one. */
export const deeplyNested: fc.Arbitrary<unknown> = fc
  .record({ depth: fc.integer({ min: 1000, max: 2500 }), open: fc.constantFrom('[', '{"a":') })
  .chain(({ depth, open }) => {
    const close = open === '[' ? ']' : '}';
    const text = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return fc.constantFrom<unknown>(text, JSON.parse(text));
  });

/** Lengths far past every maxLength, in characters that are one, two or more code units. */
const veryLong = fc
  .record({
    unit: fc.constantFrom('x', '\u0000', '𝕏', 'é', '/', ',', ' ', '\u202e'),
    count: fc.integer({ min: 257, max: 120_000 }),
  })
  .map(({ unit, count }) => unit.repeat(count));

const controlCharacters = fc.string({
  unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  minLength: 1,
  maxLength: 40,
});

const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constantFrom('\uD800', 'a\uDC00b', '\uDBFF\uDBFF', 'ok\uD83D', '\uFEFFid', 'Ａｓｓｅｔ', 'ǅ'),
);

const hugeNumbers = fc.constantFrom<unknown>(
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 64,
  Number.MIN_VALUE,
  Infinity,
  -Infinity,
  NaN,
  -0,
  '9'.repeat(400),
  `-${'9'.repeat(400)}`,
  '1e999',
);

const numberLikeText = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  'null',
  '0x1F',
  '1_000',
  '١٢٣',
  '1e5',
  ' 12 ',
  '+1',
  '.5',
  '-0',
  '12abc',
  'true',
);

/** The key itself, alone and inside other text, cut wherever a message might shorten it. */
const secretBearing = fc.oneof(
  fc.constant<unknown>(SECRET_KEY),
  fc
    .record({ before: fc.integer({ min: 0, max: 90 }), after: fc.integer({ min: 0, max: 20 }) })
    .map(({ before, after }) => `${'p'.repeat(before)}${SECRET_KEY}${'s'.repeat(after)}`),
  fc.constantFrom<unknown>(
    `Bearer ${SECRET_KEY}`,
    [SECRET_KEY],
    `${SECRET_KEY},${SECRET_KEY}`,
    { apiKey: SECRET_KEY },
    JSON.stringify({ apex: SECRET_KEY }),
    `["${SECRET_KEY}"]`,
  ),
);

const pathAndQueryTricks = fc.constantFrom(
  '../../v1/ping',
  '..',
  '.',
  '%2e%2e',
  'a/b',
  '?x=1#y',
  '\\..\\..',
  'http://169.254.169.254/latest',
  '//evil.example/x',
  "' OR 1=1 --",
  '${jndi:ldap://x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'a\r\nX-Injected: 1',
);

const wrongShapes = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, 0, -1, [], {}, [[]], ''),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

const prototypeWords = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString');

/** Values no form should send, for any parameter of any type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  veryLong,
  controlCharacters,
  unicodeText,
  hugeNumbers,
  numberLikeText,
  secretBearing,
  pathAndQueryTricks,
  wrongShapes,
  prototypeWords,
  pollutingValue,
  deeplyNested,
);

/** Extra top-level keys: prototype names, near-misses of real names, and the unknown. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  prototypeWords,
  fc.constantFrom('project id', 'Project ID ', 'PROJECT_ID', 'apiKey', ''),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
