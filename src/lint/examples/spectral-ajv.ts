import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type FormatDefinition = RegExp | ((value: unknown) => boolean) | { type?: string; validate: RegExp | ((value: unknown) => boolean) } | true;
interface Rule {
  keyword: string;
}
export interface RuleGroup {
  type?: 'number' | 'string' | 'array' | 'object';
  rules: Rule[];
}
interface SpectralAjv {
  RULES: { rules: RuleGroup[]; post: RuleGroup; all: Record<string, unknown> };
  formats: Record<string, FormatDefinition | undefined>;
  errors?: unknown[] | null;
  validateSchema(schema: unknown): boolean;
  errorsText(errors?: unknown[] | null): string;
  compile(schema: object): (data: unknown) => boolean;
  getSchema(id: string): ((data: unknown) => boolean) | undefined;
}
type AjvClass = new (options: object) => SpectralAjv;

let instance: SpectralAjv | undefined;

/**
 * An ajv instance built as Spectral builds the one its example rules compile with (draft-04,
 * `allErrors` off, ajv-formats). It compiles nothing here: its meta-schema check, its keyword
 * table (which keywords exist, in which groups and order ajv applies them) and its format
 * definitions are read from it, so the checks that stand in for compiled validators follow
 * ajv's own tables instead of a restated copy.
 */
export function spectralAjv(): SpectralAjv {
  return (instance ??= createSpectralAjv());
}

/** The options Spectral's `schema` function gives its ajv instances (logger aside: warnings are not findings). */
export const SPECTRAL_AJV_OPTIONS = { allErrors: false, meta: true, messages: true, strict: false, allowUnionTypes: true, unicodeRegExp: false, logger: false };

/**
 * A fresh instance of one of ajv's classes (draft-04 unless `module` names another) with Spectral's
 * configuration and ajv-formats; `extra` options for tooling that does not change validation (`code.source`).
 */
export function createSpectralAjv(extra: object = {}, module = 'ajv-draft-04'): SpectralAjv {
  const AjvClass = (require(module) as { default: AjvClass }).default;
  const addFormats = (require('ajv-formats') as { default: (ajv: SpectralAjv) => void }).default;
  const ajv = new AjvClass({ ...SPECTRAL_AJV_OPTIONS, ...extra });
  addFormats(ajv);
  return ajv;
}

/** Whether ajv counts this schema as having anything to check (else it compiles to "valid"). */
export function hasRules(schema: Record<string, unknown>): boolean {
  const all = spectralAjv().RULES.all;
  for (const key in schema) if (all[key]) return true;
  return false;
}

export type FormatCheck = { type: string; test: (value: unknown) => boolean };

const formatChecks = new Map<string, FormatCheck | null>();

/** The check ajv runs for a format name, with the data type it applies to; null for unknown (ignored) formats. */
export function formatCheck(name: string): FormatCheck | null {
  let check = formatChecks.get(name);
  if (check === undefined) {
    const definition = spectralAjv().formats[name];
    if (definition === undefined || definition === true) check = null;
    else if (definition instanceof RegExp) check = { type: 'string', test: (value) => definition.test(value as string) };
    else if (typeof definition === 'function') check = { type: 'string', test: (value) => definition(value) };
    else {
      const validate = definition.validate;
      // ajv calls an object definition's validator as a method of the definition.
      const test = validate instanceof RegExp ? (value: unknown) => validate.test(value as string) : (value: unknown) => validate.call(definition, value);
      check = { type: definition.type ?? 'string', test };
    }
    formatChecks.set(name, check);
  }
  return check;
}
