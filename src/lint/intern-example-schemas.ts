import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

type RulesetFunction = ((this: unknown, input: unknown, options: { schema?: unknown }, context: unknown) => unknown) & Record<string, unknown>;

const require = createRequire(import.meta.url);
let installed = false;

/**
 * Spectral's example rules (oas3-valid-media-example & co.) deep-clone the schema before every
 * example, so its validator cache — keyed by schema object — never hits and ajv compiles a fresh
 * validator per example: 78 of Spectral's 85 s on GitHub's description. Handing the function one
 * shared object per distinct schema content makes that cache hit; the validation, and so every
 * finding, is the same as before.
 */
export function internExampleSchemas(): void {
  if (installed) return;
  installed = true;
  const module = require('@stoplight/spectral-rulesets/dist/oas/functions/oasSchema') as { default: RulesetFunction };
  const original = module.default;
  const interned = new Map<string, unknown>();
  const shared = function (this: unknown, input: unknown, options: { schema?: unknown }, context: unknown) {
    const key = createHash('sha1').update(JSON.stringify(options.schema) ?? 'undefined').digest('base64');
    let schema = interned.get(key);
    if (schema === undefined) interned.set(key, (schema = options.schema));
    return original.call(this, input, { ...options, schema }, context);
  } as RulesetFunction;
  Object.assign(shared, original);
  module.default = shared;
}
