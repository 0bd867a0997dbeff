/**
 * The values Spectral's `oasExample` function validates for one target, where it reports them,
 * and which `required` entries it relaxes — the same choices as spectral-rulesets 1.x makes,
 * restated so the fast path looks at exactly the examples the slow one would.
 */
import type { RequiredRelaxation } from './draft4-check.js';

export interface ExampleOptions {
  oasVersion: 2 | 3;
  schemaField: string;
  type: 'media' | 'schema';
}

export type Path = (string | number)[];

export interface ExampleItem {
  value: unknown;
  path: Path;
}

const REQUEST_MEDIA: Record<2 | 3, string[][]> = {
  2: [],
  3: [
    ['components', 'requestBodies'],
    ['paths', '*', '*', 'requestBody'],
  ],
};
const RESPONSE_MEDIA: Record<2 | 3, string[][]> = {
  2: [['responses'], ['paths', '*', '*', 'responses']],
  3: [
    ['components', 'responses'],
    ['paths', '*', '*', 'responses'],
  ],
};
const SCHEMA_FIELDS: Record<2 | 3, string[]> = { 2: ['example', 'x-example', 'default'], 3: ['example', 'default'] };

/** Spectral's notion of an object here: arrays count. */
const isObjectLike = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';

function under(path: Path, prefixes: string[][]): boolean {
  return prefixes.some((prefix) => prefix.every((segment, index) => segment === '*' || segment === path[index]));
}

export function relaxationFor(options: ExampleOptions, path: Path): RequiredRelaxation {
  if (options.type !== 'media') return 'none';
  if (under(path, REQUEST_MEDIA[options.oasVersion])) return 'readOnly';
  if (under(path, RESPONSE_MEDIA[options.oasVersion])) return 'writeOnly';
  return 'none';
}

/** Every example the rule validates for this target, with its path (value `undefined` where Spectral reports a missing one). */
export function exampleItems(target: Record<string, unknown>, options: ExampleOptions, path: Path): ExampleItem[] {
  if (options.type === 'schema') {
    return SCHEMA_FIELDS[options.oasVersion].filter((field) => field in target).map((field) => ({ value: target[field], path: [...path, field] }));
  }
  // An `example` hides `examples` (OpenAPI 3): Spectral stops at the first field present.
  if (options.oasVersion === 3 && 'example' in target) return [{ value: target.example, path: [...path, 'example'] }];
  const examples = target.examples;
  if (!('examples' in target) || !isObjectLike(examples)) return [];
  const items: ExampleItem[] = [];
  for (const key of Object.keys(examples)) {
    const example = examples[key];
    if (options.oasVersion === 2) items.push({ value: example, path: [...path, 'examples', key] });
    else if (isObjectLike(example) && !('externalValue' in example)) items.push({ value: example.value, path: [...path, 'examples', key, 'value'] });
  }
  return items;
}
