import { ConfigError, where } from '../errors.js';
import type { Locator } from '../load/yaml-positions.js';
import { formatKeyPath, type ConfigProblem } from './problems.js';

/** `apigov.yaml:12:5: diff.rules.foo: unknown check id` — the file, where the key is, what is wrong. */
export function describeProblem(file: string, locate: Locator, problem: ConfigProblem): string {
  const position = locate(problem.path);
  const key = formatKeyPath(problem.path);
  return `${where(file, position?.line, position?.column)}: ${key ? `${key}: ` : ''}${problem.message}`;
}

/**
 * One line for the first problem (in file order) and a count of the rest: a config error stops
 * the run before anything else is printed, and one line is what a CI log shows best.
 */
export function configErrorFor(file: string, locate: Locator, problems: readonly ConfigProblem[]): ConfigError {
  const ordered = [...problems].sort((a, b) => {
    const left = locate(a.path);
    const right = locate(b.path);
    return (left?.line ?? 0) - (right?.line ?? 0) || (left?.column ?? 0) - (right?.column ?? 0);
  });
  const more = ordered.length > 1 ? ` (and ${ordered.length - 1} more)` : '';
  return new ConfigError(`${describeProblem(file, locate, ordered[0]!)}${more}`);
}
