import path from 'node:path';
import { isValidOperationPattern } from '../governance/operation-pattern.js';
import { isRecord, Problems } from './problems.js';
import type { RuleOverride } from './types.js';
import { validateSeverities } from './validate-rules.js';

const OVERRIDE_KEYS = ['files', 'pointers', 'operations', 'rules'];

/**
 * `overrides:` is a list; each entry selects findings by `files` (globs relative to apigov.yaml)
 * and/or by where they are in the spec (`pointers`, `operations`), and sets rule severities there.
 */
export function validateOverrides(value: unknown, problems: Problems, base: string): RuleOverride[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.add(['overrides'], 'must be a list of {files, pointers, operations, rules}');
    return [];
  }
  const overrides: RuleOverride[] = [];
  value.forEach((entry, index) => {
    const at = ['overrides', index];
    if (!isRecord(entry)) return problems.add(at, 'must be a mapping with rules and files, pointers or operations');
    problems.knownKeys(entry, OVERRIDE_KEYS, at);
    const files = problems.stringList(entry.files, [...at, 'files'], 'file globs') ?? [];
    const pointers = problems.stringList(entry.pointers, [...at, 'pointers'], 'JSON pointers') ?? [];
    pointers.forEach((pointer, i) => {
      if (!pointer.startsWith('/')) problems.add([...at, 'pointers', i], `must be a JSON pointer starting with "/" (got ${JSON.stringify(pointer)})`);
    });
    const operations = problems.stringList(entry.operations, [...at, 'operations'], 'operation patterns') ?? [];
    operations.forEach((operation, i) => {
      if (!isValidOperationPattern(operation)) problems.add([...at, 'operations', i], `must be "METHOD /path" with * or ** for any (got ${JSON.stringify(operation)})`);
    });
    if (files.length + pointers.length + operations.length === 0) problems.add(at, 'needs files, pointers or operations to say where it applies');
    if (entry.rules === undefined) problems.add([...at, 'rules'], 'required');
    const rules = validateSeverities(entry.rules, problems, [...at, 'rules']);
    overrides.push({ index, files: files.map((f) => path.resolve(base, f)), pointers, operations, rules });
  });
  return overrides;
}
