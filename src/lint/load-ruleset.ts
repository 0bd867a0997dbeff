import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import { RulesetError } from '../errors.js';
import { houseRulesetFile } from './builtin-rulesets.js';
import { currentRunContext } from '../runtime/run-context.js';
import { refuseFetch } from './refuse-fetch.js';
import { spectralRuleset } from './spectral-builtins.js';
import { trustOwnDefinition } from './trusted-definitions.js';
import { isHttpUrl } from '../load/http-url.js';

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
  const spectral = spectralRuleset(reference);
  if (spectral !== undefined) return new Ruleset(trustOwnDefinition({ extends: [spectral] }) as never, { severity: 'recommended', source: reference });
  const house = houseRulesetFile(reference);
  if (house) return (await import('./house-loader.js')).loadHouseRuleset(house);
  if (reference.startsWith('apigov:') || reference.startsWith('spectral:')) {
    throw new RulesetError(`${reference}: unknown built-in ruleset (run "apigov rules" to see the built-in ones)`);
  }
  if (isHttpUrl(reference)) {
    if (!currentRunContext().allowRemoteRuleset) await refuseFetch(reference);
    return (await import('./bundle-ruleset-file.js')).loadRemoteRuleset(reference);
  }
  const file = path.resolve(cwd, reference);
  if (existsSync(file)) return (await import('./bundle-ruleset-file.js')).loadRulesetFile(file);
  const fromPackage = resolvePackage(reference, cwd);
  if (fromPackage) return (await import('./bundle-ruleset-file.js')).loadRulesetFile(fromPackage);
  throw new RulesetError(`${reference}: ruleset not found (not a built-in name, a file, or an installed npm package)`);
}
