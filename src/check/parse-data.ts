import YAML from 'yaml';

/** Parsed content of a spec text for comparison (JSON first: much faster on large files), or undefined. */
export function parseForComparison(text: string): unknown | undefined {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return YAML.parse(text, { maxAliasCount: -1 });
    } catch {
      return undefined;
    }
  }
}
