import path from 'node:path';
import { isValidOperationPattern } from '../governance/operation-pattern.js';
import { isRecord, Problems } from './problems.js';
import type { Waiver } from './types.js';

const WAIVER_KEYS = ['rule', 'path', 'operation', 'specs', 'reason', 'owner', 'expires'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * `waivers:` — each names a rule (or diff check) id, where (a JSON `path` or an `operation`; with
 * neither, the whole spec), why, who owns it and the last day it holds. All but the place are
 * required: a waiver nobody owns or that never expires is how debt becomes permanent.
 */
export function validateWaivers(value: unknown, problems: Problems, base: string): Waiver[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.add(['waivers'], 'must be a list of {rule, path or operation, reason, owner, expires}');
    return [];
  }
  const waivers: Waiver[] = [];
  value.forEach((entry, index) => {
    const at = ['waivers', index];
    if (!isRecord(entry)) return problems.add(at, 'must be a mapping with rule, reason, owner and expires');
    problems.knownKeys(entry, WAIVER_KEYS, at);
    const rule = problems.text(entry.rule, [...at, 'rule'], true);
    const pointer = problems.text(entry.path, [...at, 'path'], false);
    if (pointer !== undefined && !pointer.startsWith('/')) problems.add([...at, 'path'], `must be a JSON pointer starting with "/" (got ${JSON.stringify(pointer)})`);
    const operation = problems.text(entry.operation, [...at, 'operation'], false);
    if (operation !== undefined && !isValidOperationPattern(operation)) problems.add([...at, 'operation'], `must be "METHOD /path" (got ${JSON.stringify(operation)})`);
    if (pointer !== undefined && operation !== undefined) problems.add([...at, 'operation'], 'give path or operation, not both');
    const specs = problems.stringList(entry.specs, [...at, 'specs'], 'spec globs') ?? [];
    const reason = problems.text(entry.reason, [...at, 'reason'], true);
    const owner = problems.text(entry.owner, [...at, 'owner'], true);
    const expires = entry.expires instanceof Date ? entry.expires.toISOString().slice(0, 10) : entry.expires;
    if (expires === undefined) problems.add([...at, 'expires'], 'required (YYYY-MM-DD)');
    else if (typeof expires !== 'string' || !isCalendarDay(expires)) problems.add([...at, 'expires'], `must be a date YYYY-MM-DD (got ${JSON.stringify(expires)})`);
    if (rule && reason && owner && typeof expires === 'string' && isCalendarDay(expires)) {
      waivers.push({ index, rule, path: pointer, operation, specs: specs.map((s) => path.resolve(base, s)), reason, owner, expires });
    }
  });
  return waivers;
}
