import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCheckIds, API_CHECKS, OPERATION_CHECKS, RELEASE_CHECKS, SCHEMA_CHECKS } from '../../src/diff/registry.js';
import { diffFiles, idLines } from '../helpers/diff.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/diff');
const CHECK_NAMES = [...API_CHECKS, ...OPERATION_CHECKS, ...SCHEMA_CHECKS, ...RELEASE_CHECKS].map((c) => c.name);

function casesOf(check: string): string[] {
  const dir = path.join(FIXTURES, check);
  return existsSync(dir) ? readdirSync(dir).filter((name) => existsSync(path.join(dir, name, 'expected.txt'))).sort() : [];
}

function expected(check: string, name: string): string[] {
  return readFileSync(path.join(FIXTURES, check, name, 'expected.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/, ' '))
    .filter((line) => line !== '' && !line.startsWith('#'))
    .sort();
}

function baseAndRevision(check: string, name: string): [string, string] {
  const dir = path.join(FIXTURES, check, name);
  const pick = (stem: string) => ['yaml', 'yml', 'json'].map((ext) => path.join(dir, `${stem}.${ext}`)).find(existsSync)!;
  return [pick('base'), pick('revision')];
}

// Table-driven over the registry: every check has fixture pairs, and each pair's expected ids
// (hand-written `<id> <path>` lines) are exactly what the whole engine reports.
describe.each(CHECK_NAMES)('diff check %s', (check) => {
  it('has at least one fixture case', () => {
    expect(casesOf(check).length).toBeGreaterThan(0);
  });
  it.each(casesOf(check))('%s', async (name) => {
    const [base, revision] = baseAndRevision(check, name);
    expect(idLines(await diffFiles(base, revision))).toEqual(expected(check, name));
  });
});

describe('diff fixtures', () => {
  it('belong to registered checks', () => {
    expect(readdirSync(FIXTURES).filter((dir) => !CHECK_NAMES.includes(dir))).toEqual([]);
  });

  it('cover the ids the checks declare (the uncovered ones are printed)', () => {
    const covered = new Set(CHECK_NAMES.flatMap((check) => casesOf(check).flatMap((name) => expected(check, name).map((line) => line.split(' ')[0]))));
    const declared = allCheckIds();
    const uncovered = declared.filter((d) => !covered.has(d.id)).map((d) => d.id);
    console.log(`diff ids with fixtures: ${declared.length - uncovered.length}/${declared.length}; without: ${uncovered.join(', ') || 'none'}`);
    expect(covered.size).toBeGreaterThan(0);
  });
});
