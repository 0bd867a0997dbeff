import { createRequire } from 'node:module';

// The JSON parser must give what Spectral's YAML parser gives, so it uses the very modules that
// parser uses, resolved from where Spectral's parser resolves them (not from our package, which
// could find another copy): @stoplight/yaml, whose line lookup (with its own rounding at line
// ends) is what json-spec-locations' lineAt is tested against, and
// @stoplight/ordered-object-literal, whose order symbol is named after the hour the module was
// loaded — a second copy loaded later would use another symbol.
const fromOurs = createRequire(import.meta.url);
const fromParsers = createRequire(fromOurs.resolve('@stoplight/spectral-parsers'));
const fromYaml = createRequire(fromParsers.resolve('@stoplight/yaml'));

interface StoplightYaml {
  /** Zero-based line of an offset, given the offsets just after each line feed (plus the text length + 1). */
  lineForPosition(position: number, lineMap: number[]): number;
}

interface OrderedObjectLiteral {
  ORDER_KEY_ID: string;
  /** A proxy over `target` whose own keys are `order`, as Spectral's YAML parser makes for every mapping. */
  default<T extends object>(target: T, order: Array<string | symbol>): T;
}

export const { lineForPosition } = fromParsers('@stoplight/yaml') as StoplightYaml;

const orderedObjectLiteral = fromYaml('@stoplight/ordered-object-literal') as OrderedObjectLiteral;

/** The symbol under which an ordered object keeps its key order (its first own key). */
export const ORDER_KEY = Symbol.for(orderedObjectLiteral.ORDER_KEY_ID);

export const orderedObject = orderedObjectLiteral.default;
