import { where } from '../errors.js';

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  path?: unknown;
  errors?: unknown;
  loc?: { file?: string; line?: number; column?: number };
}

function firstLine(text: unknown): string {
  return String(text ?? 'unknown error').split('\n')[0]!.trim();
}

function describeOne(file: string, error: ErrorLike): string {
  if (error.loc && typeof error.loc.line === 'number') {
    return `${where(error.loc.file ?? file, error.loc.line, (error.loc.column ?? 0) + 1)}: ${firstLine(error.message)}`;
  }
  if (Array.isArray(error.path) && error.path.length > 0) {
    return `${file}: ${error.path.join('.')}: ${firstLine(error.message)}`;
  }
  return `${file}: ${firstLine(error.message)}`;
}

/**
 * One line for a ruleset that failed to load: Spectral's validation errors carry a path into
 * the ruleset, rollup's carry a line and column in the offending file.
 */
export function rulesetErrorMessage(file: string, error: unknown): string {
  const problem = (error ?? {}) as ErrorLike;
  if (Array.isArray(problem.errors) && problem.errors.length > 0) {
    const rest = problem.errors.length - 1;
    const first = describeOne(file, problem.errors[0] as ErrorLike);
    return rest > 0 ? `${first} (and ${rest} more problem${rest === 1 ? '' : 's'})` : first;
  }
  if (problem.code === 'UNRESOLVED_ENTRY') return `${file}: ruleset file cannot be read`;
  return describeOne(file, problem);
}
