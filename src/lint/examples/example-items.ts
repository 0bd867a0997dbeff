/**
 * The values Spectral's `oasExample` function validates for one target, and which `required`
 * entries it relaxes — the same choices as spectral-rulesets 1.x makes, restated so the fast
 * path looks at exactly the examples the slow one would.
 */
import { isObject, type RequiredRelaxation } from './draft4-check.js';

export interface ExampleOptions {
  oasVersion: 2 | 3;
  schemaField: string;
  type: 'media' | 'schema';
}

type Path = (string | number)[];

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

function under(path: Path, prefixes: string[][]): boolean {
  return prefixes.some((prefix) => prefix.every((segment, index) => segment === '*' || segment === path[index]));
}

export function relaxationFor(options: ExampleOptions, path: Path): RequiredRelaxation {
  if (options.type !== 'media') return 'none';
  if (under(path, REQUEST_MEDIA[options.oasVersion])) return 'readOnly';
  if (under(path, RESPONSE_MEDIA[options.oasVersion])) return 'writeOnly';
  return 'none';
}

/** Every example value the rule validates for this target (`undefined` where Spectral reports a missing value). */
export function exampleValues(target: Record<string, unknown>, options: ExampleOptions): unknown[] {
  if (options.type === 'schema') return SCHEMA_FIELDS[options.oasVersion].filter((field) => field in target).map((field) => target[field]);
  // An `example` hides `examples`: Spectral stops at the first field present.
  if (options.oasVersion === 3 && 'example' in target) return [target.example];
  const values: unknown[] = [];
  if (!('examples' in target) || !isObject(target.examples)) return values;
  for (const example of Object.values(target.examples)) {
    if (options.oasVersion === 2) values.push(example);
    else if (isObject(example) && !('externalValue' in example)) values.push(example.value);
  }
  return values;
}
