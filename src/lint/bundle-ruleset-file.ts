import * as nodeFs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import { bundleRuleset } from '@stoplight/spectral-ruleset-bundler';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { stdin } from '@stoplight/spectral-ruleset-bundler/plugins/stdin';
import { node } from '@stoplight/spectral-ruleset-bundler/presets/node';
import { isBasicRuleset, migrateRuleset } from '@stoplight/spectral-ruleset-migrator';
import { RulesetError } from '../errors.js';
import { houseAwareFs } from './house-extends.js';
import { refuseFetch } from './refuse-fetch.js';
import { rulesetErrorMessage } from './ruleset-error-message.js';

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
export async function loadRulesetFile(rulesetFile: string): Promise<Ruleset> {
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
