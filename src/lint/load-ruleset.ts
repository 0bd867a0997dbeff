import * as nodeFs from 'node:fs';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import { bundleRuleset } from '@stoplight/spectral-ruleset-bundler';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { stdin } from '@stoplight/spectral-ruleset-bundler/plugins/stdin';
import { node } from '@stoplight/spectral-ruleset-bundler/presets/node';
import { isBasicRuleset, migrateRuleset } from '@stoplight/spectral-ruleset-migrator';
import { oas, asyncapi } from '@stoplight/spectral-rulesets';
import { RulesetError } from '../errors.js';
import { houseRulesetFile } from './builtin-rulesets.js';
import { houseAwareFs } from './house-extends.js';
import { rulesetErrorMessage } from './ruleset-error-message.js';

// Remote rulesets are not fetched: a ruleset is code, and only local files and installed
// packages are trusted (docs/decisions.md).
const refuseFetch = async (url: string): Promise<never> => {
  throw new RulesetError(`${url}: remote rulesets are not loaded; download it and pass the file`);
};

/** Runs the bundled CommonJS ruleset code with `require` rooted at the ruleset's folder. */
function evaluateBundle(code: string, rulesetFile: string): unknown {
  const requireFromRuleset = createRequire(rulesetFile);
  const paths = [path.dirname(rulesetFile), path.dirname(new URL(import.meta.url).pathname)];
  const moduleObject: { exports?: unknown } = {};
  const requireModule = (id: string) => requireFromRuleset(requireFromRuleset.resolve(id, { paths }));
  Function('module, require', code)(moduleObject, requireModule);
  if (moduleObject.exports === null || typeof moduleObject.exports !== 'object') {
    throw new RulesetError(`${rulesetFile}: the ruleset exports no ruleset object`);
  }
  return moduleObject.exports;
}

/**
 * Loads a ruleset file the way Spectral CLI does — YAML/JSON are migrated to JS, then
 * bundled with rollup so `extends`, `functionsDir` and `functions` resolve — so a ruleset
 * behaves the same under both tools.
 */
async function loadRulesetFile(rulesetFile: string): Promise<Ruleset> {
  const plugins = [builtins(), commonjs(), ...node({ fs: nodeFs as never, fetch: refuseFetch as never })];
  let entry = rulesetFile;
  let code: string;
  try {
    if (await isBasicRuleset(rulesetFile)) {
      const migrated = await migrateRuleset(rulesetFile, { format: 'esm', fs: houseAwareFs as never, fetch: refuseFetch as never });
      entry = path.join(path.dirname(rulesetFile), '.spectral.js');
      code = await bundleRuleset(entry, { target: 'node', format: 'commonjs', plugins: [stdin(migrated, entry), ...plugins] });
    } else {
      code = await bundleRuleset(rulesetFile, { target: 'node', format: 'commonjs', plugins });
    }
    const definition = evaluateBundle(code, rulesetFile);
    return new Ruleset(definition as never, { severity: 'recommended', source: rulesetFile });
  } catch (error) {
    throw error instanceof RulesetError ? error : new RulesetError(rulesetErrorMessage(rulesetFile, error), { cause: error });
  }
}

function resolvePackage(name: string, cwd: string): string | undefined {
  try {
    return createRequire(path.join(cwd, 'package.json')).resolve(name);
  } catch {
    return undefined;
  }
}

/**
 * Turns what the user wrote after --ruleset into a Spectral Ruleset: a built-in name
 * (`spectral:oas`, `apigov:naming`, ...), a file, or an installed npm package.
 */
export async function loadRuleset(reference: string, cwd: string): Promise<Ruleset> {
  if (reference === 'spectral:oas') return new Ruleset({ extends: [oas] } as never, { severity: 'recommended', source: reference });
  if (reference === 'spectral:asyncapi') return new Ruleset({ extends: [asyncapi] } as never, { severity: 'recommended', source: reference });
  const house = houseRulesetFile(reference);
  if (house) return loadRulesetFile(house);
  if (reference.startsWith('apigov:') || reference.startsWith('spectral:')) {
    throw new RulesetError(`${reference}: unknown built-in ruleset (run "apigov rules" to see the built-in ones)`);
  }
  if (/^https?:\/\//.test(reference)) await refuseFetch(reference);
  const file = path.resolve(cwd, reference);
  if (existsSync(file)) return loadRulesetFile(file);
  const fromPackage = resolvePackage(reference, cwd);
  if (fromPackage) return loadRulesetFile(fromPackage);
  throw new RulesetError(`${reference}: ruleset not found (not a built-in name, a file, or an installed npm package)`);
}
