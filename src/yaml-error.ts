import type { YAMLError } from 'yaml';
import { where } from './errors.js';

/** `file:line:col: <what>: <reason>` for the yaml package's errors, without its echo of the position. */
export function describeYamlError(file: string, error: YAMLError, what: string): string {
  const position = error.linePos?.[0];
  const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `${where(file, position?.line, position?.col)}: ${what}: ${reason}`;
}
