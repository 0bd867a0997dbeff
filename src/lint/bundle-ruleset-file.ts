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
import { currentRunContext } from '../runtime/run-context.js';
import { isInside } from '../load/is-inside.js';
import { RULESETS_DIR } from './builtin-rulesets.js';
import { houseAwareFs } from './house-extends.js';
import { refuseCodeFetch, refuseFetch } from './refuse-fetch.js';
import { declarativeRulesetFetch } from './remote-ruleset-fetch.js';
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

function bundlerPlugins() {
  return [builtins(), commonjs(), ...node({ fs: nodeFs as never, fetch: refuseCodeFetch as never })];
}

/** A remote ruleset may read the shipped house rulesets (`extends: apigov:naming`), no other local file. */
const houseOnlyFs = {
  promises: {
    async readFile(file: string, encoding: BufferEncoding): Promise<string> {
      if (!isInside(RULESETS_DIR, path.resolve(file))) throw new RulesetError(`${file}: a remote ruleset may not read local files`);
      return houseAwareFs.promises.readFile(file, encoding);
    },
  },
};

/**
 * Loads a ruleset from an http(s) URL (only with --allow-remote-ruleset): every document is
 * fetched and checked to be declarative YAML/JSON first (remote-ruleset-fetch.ts), so what the
 * bundler then builds is Spectral's migration of data, importing only shipped code.
 */
export async function loadRemoteRuleset(url: string): Promise<Ruleset> {
  try {
    const migrated = await migrateRuleset(url, { format: 'esm', fs: houseOnlyFs as never, fetch: declarativeRulesetFetch() as never });
    const entry = path.join(RULESETS_DIR, '.remote-ruleset.js');
    const code = await bundleRuleset(entry, { target: 'node', format: 'commonjs', plugins: [stdin(migrated, entry), ...bundlerPlugins()] });
    return new Ruleset(evaluateBundle(code, entry) as never, { severity: 'recommended', source: url });
  } catch (error) {
    throw error instanceof RulesetError ? error : new RulesetError(rulesetErrorMessage(url, error), { cause: error });
  }
}

/**
 * Loads a ruleset file the way Spectral CLI does — YAML/JSON are migrated to JS, then
 * bundled with rollup so `extends`, `functionsDir` and `functions` resolve — so a ruleset
 * behaves the same under both tools.
 */
export async function loadRulesetFile(rulesetFile: string): Promise<Ruleset> {
  const plugins = bundlerPlugins();
  let entry = rulesetFile;
  let code: string;
  try {
    if (await isBasicRuleset(rulesetFile, refuseFetch as never)) {
      // A local ruleset may extend a remote YAML/JSON one, checked the same way, when the user allows it.
      const fetch = currentRunContext().allowRemoteRuleset ? declarativeRulesetFetch() : refuseFetch;
      const migrated = await migrateRuleset(rulesetFile, { format: 'esm', fs: houseAwareFs as never, fetch: fetch as never });
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
