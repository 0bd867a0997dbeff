/**
 * Errors a user can act on. Each carries a one-line message that names the file
 * (and line:col where known); the CLI prints it and exits 2. Anything else that
 * escapes is an internal error.
 */
export class ApigovError extends Error {
  readonly exitCode = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad command-line arguments. */
export class UsageError extends ApigovError {}

/** An unreadable or invalid apigov.yaml. */
export class ConfigError extends ApigovError {}

/** A spec that cannot be read, parsed or recognised as an API description. */
export class SpecLoadError extends ApigovError {}

/** A ruleset that cannot be found, loaded or validated. */
export class RulesetError extends ApigovError {}

export function isApigovError(error: unknown): error is ApigovError {
  return error instanceof ApigovError;
}

/** Formats `file:line:col` with 1-based line and column, leaving out what is unknown. */
export function where(file: string, line?: number, column?: number): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}
