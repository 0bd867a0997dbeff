import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import openapiDiff from 'openapi-diff';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { diffFiles } from '../helpers/diff.js';
import { ORACLE_WAIVERS } from './oracle-waivers.js';

// npm openapi-diff as a differential oracle: whatever it calls breaking on a fixture pair, we must
// catch with an error-level change of the matching kind — unless a written waiver says why it is wrong.
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/diff');

/** What kind of our error-level ids answers each of its breaking codes. */
const EXPECTED_KIND: Array<[RegExp, RegExp]> = [
  [/^path\.remove$/, /^api-(path-)?removed-/],
  [/^method\.remove$/, /^api-(path-)?removed-/],
  [/^request\.body\.scope\./, /^(request-|new-required-request-)/],
  [/^response\.body\.scope\./, /^response-/],
  [/^response\.(header|status)/, /(response)/],
  [/^request\.(parameter|header|query|path)/, /(request-parameter|new-required-request-parameter)/],
];

interface Case {
  name: string;
  base: string;
  revision: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const check of readdirSync(FIXTURES)) {
    for (const name of readdirSync(path.join(FIXTURES, check))) {
      const dir = path.join(FIXTURES, check, name);
      const base = ['base.yaml', 'base.json'].map((f) => path.join(dir, f)).find(existsSync);
      const revision = ['revision.yaml', 'revision.json'].map((f) => path.join(dir, f)).find(existsSync);
      if (base && revision) out.push({ name: `${check}/${name}`, base, revision });
    }
  }
  return out;
}

/** openapi-diff reads Swagger 2.0 and OpenAPI 3.0 only. */
function oracleFormat(file: string): 'swagger2' | 'openapi3' | undefined {
  const data = YAML.parse(readFileSync(file, 'utf8'));
  if (data?.swagger === '2.0') return 'swagger2';
  if (typeof data?.openapi === 'string' && data.openapi.startsWith('3.0')) return 'openapi3';
  return undefined;
}

async function oracleBreaking(c: Case): Promise<string[] | undefined> {
  const source = oracleFormat(c.base);
  const destination = oracleFormat(c.revision);
  if (!source || !destination) return undefined;
  const result = await openapiDiff
    .diffSpecs({
      sourceSpec: { content: readFileSync(c.base, 'utf8'), location: c.base, format: source },
      destinationSpec: { content: readFileSync(c.revision, 'utf8'), location: c.revision, format: destination },
    })
    .catch(() => undefined); // it gives up on some valid pairs (circular $refs): no verdict to compare
  if (!result) return undefined;
  return result.breakingDifferencesFound ? result.breakingDifferences.map((d) => d.code) : [];
}

describe('openapi-diff as oracle on the diff fixtures', () => {
  it.each(cases().map((c) => [c.name, c]))('%s', async (name, c) => {
    const theirs = await oracleBreaking(c as Case);
    if (theirs === undefined || theirs.length === 0) return; // it cannot load the pair, or sees nothing breaking
    const ours = (await diffFiles((c as Case).base, (c as Case).revision)).filter((change) => change.level === 'error').map((change) => change.id);
    const missed = theirs.filter((code) => {
      const kind = EXPECTED_KIND.find(([pattern]) => pattern.test(code))?.[1] ?? /./;
      return !ours.some((id) => kind.test(id));
    });
    const waived = ORACLE_WAIVERS[name as string];
    if (waived) return expect(waived.reason.length, `${name}: waiver needs a reason`).toBeGreaterThan(20);
    expect(missed, `openapi-diff calls these breaking and apigov has no matching error: ${missed.join(', ')}`).toEqual([]);
  });
});
