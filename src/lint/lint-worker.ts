import { parentPort, workerData } from 'node:worker_threads';
import { withSpecLimits, type SpecLimits } from '../load/spec-limits.js';
import { lintFile } from './lint-file.js';
import { buildRuleset, cacheFor, type RulesetRecipe } from './ruleset-recipe.js';

// One lint worker: builds the ruleset once, then lints the files the pool sends, one at a time.
const { recipe, cwd, limits } = workerData as { recipe: RulesetRecipe; cwd: string; limits: SpecLimits };
const ready = buildRuleset(recipe).then((ruleset) => ({ ruleset, cache: cacheFor(recipe, ruleset) }));

parentPort!.on('message', async (file: string) => {
  const { ruleset, cache } = await ready;
  parentPort!.postMessage(await withSpecLimits(limits, () => lintFile(file, cwd, ruleset, cache)));
});
