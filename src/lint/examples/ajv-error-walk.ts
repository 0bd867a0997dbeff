import { ASSERTIONS, INERT, propertyDependency, type AssertionFailure } from './ajv-assertions.js';
import { hasType, isObject, propertyOf, Undecidable, type RequiredRelaxation, type Schema } from './draft4-check.js';
import { hasRules, spectralAjv, type RuleGroup } from './spectral-ajv.js';

/** An error as ajv reports it. */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

/** Where a subschema applies: ajv's instance and schema paths, whether errors pile up (inside anyOf, oneOf, not), and the `required` relaxation. */
interface Place {
  instancePath: string;
  schemaPath: string;
  composite: boolean;
  relax: RequiredRelaxation;
}

/** Thrown where ajv's generated code returns `false` (first error outside a composite keyword). */
const STOP = Symbol('stop');

function escapePointer(key: string | number): string {
  return typeof key === 'number' ? String(key) : key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function escapeFragment(key: string | number): string {
  try {
    return encodeURIComponent(escapePointer(key));
  } catch {
    // A lone surrogate: ajv fails to compile the schema.
    throw new Undecidable(String(key));
  }
}

const isArrayIndex = (key: string) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/** A map's keys in the order of the JSON copy Spectral compiles: array indices first, ascending. */
function copiedKeys(map: Record<string, unknown>): string[] {
  const keys = Object.keys(map).filter((key) => key !== '__proto__');
  if (!keys.some(isArrayIndex)) return keys;
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((key) => !isArrayIndex(key))];
}

function schemaTypes(schema: Schema): string[] {
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []) as string[];
  return schema.nullable === true && !types.includes('null') ? [...types, 'null'] : types;
}

const groupUsed = (schema: Schema, group: RuleGroup) => group.rules.some((rule) => schema[rule.keyword] !== undefined);

/**
 * Replays, without compiling, what the validator ajv generates for a draft-04 schema does with
 * `allErrors` off, so that an invalid example gets ajv's very error list. The order is ajv's: a
 * type check up front unless a rule group of that single type is used; then the untyped group
 * (const, enum, not, anyOf, oneOf, allOf) and the number, string, array and object groups in
 * the order of ajv's rule table, each keyword only while the ones before it passed, each group
 * only while the schema has no error. Outside anyOf/oneOf/not the first error ends everything;
 * inside, errors pile up and are dropped when the composite keyword passes.
 * Only for schemas {@link isCheckable} accepted.
 */
class AjvErrorWalk {
  errors: AjvError[] = [];
  /** ajv keeps a tuple's `valid` in one hoisted `var` per place in the schema, alive across the whole run. */
  private tupleValid = new Map<string, boolean>();

  validate(schema: Schema, data: unknown, place: Place): boolean {
    if (!hasRules(schema)) return true;
    const start = this.errors.length;
    const { rules } = spectralAjv().RULES;
    const types = schemaTypes(schema);
    const typed = rules.find((group) => group.type !== undefined && group.type === types[0]);
    const checkedUpFront = types.length > 0 && !(types.length === 1 && typed !== undefined && groupUsed(schema, typed));
    if (checkedUpFront && !types.some((type) => hasType(data, type))) this.typeError(schema, place);
    if (isObject(data) && Object.prototype.hasOwnProperty.call(data, '__proto__')) throw new Undecidable('__proto__');
    for (const group of rules) {
      if (!groupUsed(schema, group)) continue;
      if (group.type === undefined || hasType(data, group.type)) this.applyGroup(group, schema, data, place);
      else if (!checkedUpFront && types.length === 1 && types[0] === group.type) this.typeError(schema, place);
      if (this.errors.length !== start) return false;
    }
    return true;
  }

  private applyGroup(group: RuleGroup, schema: Schema, data: unknown, place: Place): void {
    for (const { keyword } of group.rules) {
      if (schema[keyword] === undefined || INERT.has(keyword)) continue;
      const assertion = ASSERTIONS[keyword];
      if (assertion) {
        const failure = assertion(schema, data, group.type, place.relax);
        if (failure === undefined) continue;
        this.report(keyword, failure, place);
        return;
      }
      if (!this.applicator(keyword, schema, data, place)) return;
    }
  }

  /** ajv's reportError: inside composite keywords the error is collected, elsewhere it ends validation. */
  private report(keyword: string, failure: AssertionFailure, place: Place, extra = false): void {
    const error = { instancePath: place.instancePath, schemaPath: `${place.schemaPath}/${keyword}`, keyword, ...failure };
    if (place.composite) {
      this.errors.push(error);
      return;
    }
    // A failing anyOf/oneOf returns the branch errors with its own; any other keyword only its own.
    this.errors = extra ? [...this.errors, error] : [error];
    throw STOP;
  }

  private typeError(schema: Schema, place: Place): void {
    // Compiling, ajv pushes "null" into a nullable schema's own `type` array (a lone type string it copies first).
    const type = Array.isArray(schema.type) ? schemaTypes(schema) : schema.type;
    this.report('type', { params: { type }, message: `must be ${type}` }, place);
  }

  private sub(place: Place, schemaPath: string, dataKey?: string | number, changes: Partial<Place> = {}): Place {
    const instancePath = dataKey === undefined ? place.instancePath : `${place.instancePath}/${escapePointer(dataKey)}`;
    return { ...place, instancePath, schemaPath: `${place.schemaPath}/${schemaPath}`, ...changes };
  }

  /** Keywords that apply subschemas; returns whether the keywords after it still run. */
  private applicator(keyword: string, schema: Schema, data: unknown, place: Place): boolean {
    switch (keyword) {
      case 'not':
        return this.not(schema.not as Schema, data, place);
      case 'anyOf':
        return this.anyOf(schema.anyOf as Schema[], data, place);
      case 'oneOf':
        return this.oneOf(schema.oneOf as Schema[], data, place);
      case 'allOf':
        return (schema.allOf as Schema[]).every((branch, i) => !hasRules(branch) || this.validate(branch, data, this.sub(place, `allOf/${i}`)));
      case 'items':
        return this.items(schema.items, data as unknown[], place);
      case 'additionalItems':
        return this.additionalItems(schema, data as unknown[], place);
      case 'properties':
        return this.properties(schema.properties as Record<string, Schema>, data as Record<string, unknown>, place);
      case 'patternProperties':
        return this.patternProperties(schema.patternProperties as Record<string, Schema>, data as Record<string, unknown>, place);
      case 'additionalProperties':
        return this.additionalProperties(schema, data as Record<string, unknown>, place);
      case 'dependencies':
        return this.dependencies(schema.dependencies as Record<string, unknown>, data as Record<string, unknown>, place);
      default:
        // $ref, if/then/else, contains, propertyNames, formatMaximum & co: never in a checkable schema.
        throw new Undecidable(keyword);
    }
  }

  private not(subschema: Schema, data: unknown, place: Place): boolean {
    const start = this.errors.length;
    // Spectral relaxes nothing under `not`; ajv creates no errors there.
    const valid = hasRules(subschema) ? this.validate(subschema, data, this.sub(place, 'not', undefined, { composite: true, relax: 'none' })) : true;
    this.errors.length = start;
    if (!valid) return true;
    this.report('not', { params: {}, message: 'must NOT be valid' }, place);
    return false;
  }

  private anyOf(branches: Schema[], data: unknown, place: Place): boolean {
    if (branches.some((branch) => !hasRules(branch))) return true;
    const start = this.errors.length;
    const valid = branches.some((branch, i) => this.validate(branch, data, this.sub(place, `anyOf/${i}`, undefined, { composite: true })));
    if (valid) {
      this.errors.length = start;
      return true;
    }
    this.report('anyOf', { params: {}, message: 'must match a schema in anyOf' }, place, true);
    return false;
  }

  private oneOf(branches: Schema[], data: unknown, place: Place): boolean {
    const start = this.errors.length;
    let valid = false;
    let passing: number | [unknown, number] | null = null;
    for (const [i, branch] of branches.entries()) {
      const branchValid = !hasRules(branch) || this.validate(branch, data, this.sub(place, `oneOf/${i}`, undefined, { composite: true }));
      if (!branchValid) continue;
      // A second passing branch ends the search.
      if (valid) {
        valid = false;
        passing = [passing, i];
        break;
      }
      valid = true;
      passing = i;
    }
    if (valid) {
      this.errors.length = start;
      return true;
    }
    this.report('oneOf', { params: { passingSchemas: passing }, message: 'must match exactly one schema in oneOf' }, place, true);
    return false;
  }

  private items(items: unknown, data: unknown[], place: Place): boolean {
    if (Array.isArray(items)) return this.tuple(items as Schema[], data, place);
    const schema = items as Schema;
    return !hasRules(schema) || data.every((item, i) => this.validate(schema, item, this.sub(place, 'items', i)));
  }

  private tuple(items: Schema[], data: unknown[], place: Place): boolean {
    const site = `${place.schemaPath}/items`;
    for (const [i, schema] of items.entries()) {
      if (!hasRules(schema)) continue;
      if (data.length > i) this.tupleValid.set(site, this.validate(schema, data[i], this.sub(place, `items/${i}`, i)));
      // Unassigned in this run, ajv's variable is undefined: the keywords after it are skipped, silently.
      if (this.tupleValid.get(site) !== true) return false;
    }
    return true;
  }

  private additionalItems(schema: Schema, data: unknown[], place: Place): boolean {
    const items = schema.items;
    const extra = schema.additionalItems;
    if (!Array.isArray(items)) return true;
    if (extra === false) {
      if (data.length <= items.length) return true;
      this.report('additionalItems', { params: { limit: items.length }, message: `must NOT have more than ${items.length} items` }, place);
      return false;
    }
    if (!isObject(extra) || !hasRules(extra)) return true;
    for (let i = items.length; i < data.length; i++) if (!this.validate(extra, data[i], this.sub(place, 'additionalItems', i))) return false;
    return true;
  }

  private properties(properties: Record<string, Schema>, data: Record<string, unknown>, place: Place): boolean {
    for (const name of copiedKeys(properties)) {
      const schema = properties[name]!;
      if (!hasRules(schema)) continue;
      const value = propertyOf(data, name);
      if (value !== undefined && !this.validate(schema, value, this.sub(place, `properties/${escapeFragment(name)}`, name))) return false;
    }
    return true;
  }

  private patternProperties(patterns: Record<string, Schema>, data: Record<string, unknown>, place: Place): boolean {
    for (const source of copiedKeys(patterns)) {
      const schema = patterns[source]!;
      if (!hasRules(schema)) continue;
      const regex = new RegExp(source, '');
      for (const key in data) {
        if (!regex.test(key)) continue;
        if (!this.validate(schema, data[key], this.sub(place, `patternProperties/${escapeFragment(source)}`, key))) return false;
      }
    }
    return true;
  }

  private additionalProperties(schema: Schema, data: Record<string, unknown>, place: Place): boolean {
    const extra = schema.additionalProperties;
    if (extra !== false && (!isObject(extra) || !hasRules(extra))) return true;
    const start = this.errors.length;
    const properties = isObject(schema.properties) ? schema.properties : {};
    const patterns = isObject(schema.patternProperties) ? copiedKeys(schema.patternProperties).map((source) => new RegExp(source, '')) : [];
    // (ajv compares "__proto__" differently with up to eight properties; such data is undecidable here anyway.)
    const declared = (key: string) => Object.prototype.hasOwnProperty.call(properties, key);
    for (const key in data) {
      if (declared(key) || patterns.some((regex) => regex.test(key))) continue;
      if (extra === false) {
        this.report('additionalProperties', { params: { additionalProperty: key }, message: 'must NOT have additional properties' }, place);
        break;
      }
      if (!this.validate(extra as Schema, data[key], this.sub(place, 'additionalProperties', key))) break;
    }
    return this.errors.length === start;
  }

  private dependencies(dependencies: Record<string, unknown>, data: Record<string, unknown>, place: Place): boolean {
    const names = copiedKeys(dependencies);
    // ajv checks every list of property names first, then every schema.
    for (const name of names.filter((key) => Array.isArray(dependencies[key]))) {
      const failure = propertyDependency(data, name, dependencies[name] as string[]);
      if (failure === undefined) continue;
      this.report('dependencies', failure, place);
      return false;
    }
    for (const name of names.filter((key) => !Array.isArray(dependencies[key]))) {
      const schema = dependencies[name] as Schema;
      if (!hasRules(schema) || propertyOf(data, name) === undefined) continue;
      if (!this.validate(schema, data, this.sub(place, `dependencies/${escapeFragment(name)}`))) return false;
    }
    return true;
  }
}

/**
 * The errors ajv, configured as Spectral configures it, reports for `data` against a checkable
 * draft-04 schema: empty when the data is valid. Throws {@link Undecidable} where the data or
 * schema holds something ajv would read differently than JSON.
 */
export function ajvErrors(schema: Schema, data: unknown, relax: RequiredRelaxation): AjvError[] {
  const walk = new AjvErrorWalk();
  try {
    walk.validate(schema, data, { instancePath: '', schemaPath: '#', composite: false, relax });
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return walk.errors;
}

/** The keywords {@link AjvErrorWalk} applies subschemas for. */
export const APPLICATORS = ['not', 'anyOf', 'oneOf', 'allOf', 'items', 'additionalItems', 'properties', 'patternProperties', 'additionalProperties', 'dependencies'];
