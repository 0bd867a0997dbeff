import { createRequire } from 'node:module';
import path from 'node:path';
import { setActivityDetail } from './activity.js';

type LintNode = (context: unknown, node: unknown, rule: { name: string }) => void;

let installed = false;

/**
 * Records the rule Spectral is running on the activity board, so a run cut short by --timeout
 * names it. Spectral calls one internal function per rule and matched node (`lintNode`, looked
 * up on its module at each call), so wrapping that export sees every rule, whatever ruleset or
 * function wrapper is in use. It is internal API: if it is not where expected, runs still time
 * out cleanly, naming the file only.
 */
export function recordRulesOnActivityBoard(): void {
  if (installed) return;
  installed = true;
  try {
    const require = createRequire(import.meta.url);
    const core = path.dirname(require.resolve('@stoplight/spectral-core'));
    const runnerModule = require(path.join(core, 'runner', 'lintNode.js')) as { lintNode?: LintNode };
    const original = runnerModule.lintNode;
    if (typeof original !== 'function') return;
    runnerModule.lintNode = (context, node, rule) => {
      setActivityDetail(`running rule ${rule.name}`);
      return original(context, node, rule);
    };
  } catch {
    // See above: the file is still named.
  }
}
