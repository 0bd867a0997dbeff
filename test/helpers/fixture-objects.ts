import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { FIXTURES_DIR } from '../../src/lint/rule-catalog.js';

/** Every object in a value, the value itself included (arrays are walked, not collected). */
export function objectsIn(value: unknown, found: object[] = []): object[] {
  if (value === null || typeof value !== 'object') return found;
  if (!Array.isArray(value)) found.push(value);
  for (const child of Object.values(value)) objectsIn(child, found);
  return found;
}

/** Every object of every house-rule fixture spec: schema-like or not, real material to check schema checks on. */
export function fixtureObjects(): object[] {
  const found: object[] = [];
  for (const id of readdirSync(FIXTURES_DIR)) {
    for (const name of readdirSync(path.join(FIXTURES_DIR, id)).filter((n) => n.endsWith('.yaml'))) {
      objectsIn(YAML.parse(readFileSync(path.join(FIXTURES_DIR, id, name), 'utf8')), found);
    }
  }
  return found;
}
