import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import YAML from 'yaml';

/** Real descriptions the mutations start from: the bundled example and fixtures of each version. */
export const SEEDS: Record<string, string> = Object.fromEntries(
  [
    'examples/petstore.yaml',
    'fixtures/diff/schema-composition/body-alternatives/base.yaml',
    'fixtures/diff/request-body/swagger2-consumes-and-form/base.yaml',
    'fixtures/lint/apigov-list-paginated/invalid.yaml',
  ].map((file) => [file, readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')]),
);

// Fragments that mean something to a YAML or JSON parser, a resolver or a prototype.
const HOSTILE_TOKENS = [
  '{', '}', '[', ']', ':', ': ', '- ', ',', '"', "'", '#', '\n', '  ', '\t', '|\n', '>\n', '---\n', '...\n', '%YAML 1.2\n',
  '&a ', '*a', '<<: *a\n', '!!str ', '!foo ', '!!python/object:os.system ', '\u0000', '\uFEFF', '\u00e9', '\ud83d\ude00', '\ud800',
  '__proto__: {x: 1}\n', 'constructor: 1\n', '$ref: "#/nowhere"\n', '$ref: "../outside.yaml"\n', '$ref: "http://127.0.0.1:9/x"\n',
  'openapi: 3.1.0\n', 'swagger: "2.0"\n', 'type: [string, "null"]\n', 'pattern: "^(a+)+$"\n', '[[[[[[[[', ']]]]]]]]', '{a: {b: {c: ',
];

type TextMutation = (text: string) => string;

// A place in a text or tree, uniform over [0, 1]: fast-check's doubles are uniform over their bits
// (nearly all tiny) and its integers favour small values, either of which would keep hitting the start.
const fraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);

const at = (text: string, fraction: number) => Math.floor(fraction * (text.length + 1));
/** An index into a list of `length` items from a fraction in [0, 1]. */
const pick = (fraction: number, length: number) => Math.min(Math.floor(fraction * length), length - 1);
const lines = (text: string) => text.split('\n');

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.tuple(fraction, fc.constantFrom(...HOSTILE_TOKENS)).map(([where, token]): TextMutation => (text) => text.slice(0, at(text, where)) + token + text.slice(at(text, where))),
  fc.tuple(fraction, fc.integer({ min: 1, max: 200 })).map(([where, length]): TextMutation => (text) => text.slice(0, at(text, where)) + text.slice(at(text, where) + length)),
  fc.tuple(fraction, fc.string({ unit: 'binary', maxLength: 8 })).map(([where, noise]): TextMutation => (text) => text.slice(0, at(text, where)) + noise + text.slice(at(text, where))),
  fraction.map((where): TextMutation => (text) => {
    const all = lines(text);
    const i = pick(where, all.length);
    return [...all.slice(0, i + 1), ...all.slice(i)].join('\n');
  }),
  fc.tuple(fraction, fraction).map(([a, b]): TextMutation => (text) => {
    const all = lines(text);
    const [i, j] = [pick(a, all.length), pick(b, all.length)];
    [all[i], all[j]] = [all[j]!, all[i]!];
    return all.join('\n');
  }),
);

/** A seed with one to four text mutations applied, as the bytes to write (sometimes with an invalid UTF-8 byte). */
export const mutatedText: fc.Arbitrary<{ seed: string; bytes: Buffer }> = fc
  .tuple(fc.constantFrom(...Object.keys(SEEDS)), fc.array(textMutation, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 4 }), fraction)
  .map(([seed, mutations, oneInFive, badByteAt]) => {
    const bytes = Buffer.from(mutations.reduce((text, mutate) => mutate(text), SEEDS[seed]!));
    if (oneInFive !== 0) return { seed, bytes };
    const i = Math.floor(badByteAt * bytes.length);
    return { seed, bytes: Buffer.concat([bytes.subarray(0, i), Buffer.from([0xff]), bytes.subarray(i)]) };
  });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in a JSON-like tree. */
function pathsOf(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

function replaceAt(root: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const copy: Json = structuredClone(root);
  let parent = copy as Record<string | number, Json>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else Object.defineProperty(parent, last, { value: replacement, enumerable: true, writable: true, configurable: true });
  return copy;
}

const replacementValue: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>({ $ref: '#/components/schemas/Nope' }, { $ref: '../outside.yaml' }, { __proto__: { polluted: true } } as unknown as Json, { type: ['string', 'null'] }, { pattern: '^(a+)+$', example: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!' }),
);

/** A seed whose parsed data had values replaced or deleted at random places, written back as YAML or JSON. */
export const mutatedData: fc.Arbitrary<{ seed: string; bytes: Buffer }> = fc
  .tuple(fc.constantFrom(...Object.keys(SEEDS)), fc.array(fc.tuple(fraction, replacementValue), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([seed, edits, asJson]) => {
    let data = YAML.parse(SEEDS[seed]!) as Json;
    for (const [where, replacement] of edits) {
      // Not the root: replacing it only ever tests "not an API description".
      const paths = pathsOf(data).slice(1);
      data = replaceAt(data, paths[pick(where, paths.length)]!, replacement);
    }
    return { seed, bytes: Buffer.from(asJson ? JSON.stringify(data, null, 2) : YAML.stringify(data)) };
  });
