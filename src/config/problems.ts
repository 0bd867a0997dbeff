export type KeyPath = readonly (string | number)[];

/** One thing wrong in apigov.yaml, at a key path (`waivers[0].expires`). */
export interface ConfigProblem {
  path: KeyPath;
  message: string;
}

export function formatKeyPath(path: KeyPath): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Collects problems while a section is checked, so a user sees every mistake's key path and the
 * checkers stay straight-line code. Each check returns the value when it is good.
 */
export class Problems {
  readonly list: ConfigProblem[] = [];

  add(path: KeyPath, message: string): void {
    this.list.push({ path, message });
  }

  mapping(value: unknown, path: KeyPath, what: string): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return {};
    if (isRecord(value)) return value;
    this.add(path, `must be ${what}`);
    return undefined;
  }

  knownKeys(record: Record<string, unknown>, allowed: readonly string[], path: KeyPath, what = 'key'): void {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.add([...path, key], `unknown ${what} (allowed: ${allowed.join(', ')})`);
    }
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: KeyPath): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.add(path, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
    return undefined;
  }

  /** A list of strings; a single string is accepted as a list of one. */
  stringList(value: unknown, path: KeyPath, what: string): string[] | undefined {
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '')) return value as string[];
    this.add(path, `must be a list of ${what}`);
    return undefined;
  }

  text(value: unknown, path: KeyPath, required: boolean): string | undefined {
    if (value === undefined && !required) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.add(path, value === undefined ? 'required' : 'must be a non-empty string');
    return undefined;
  }
}
