import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runCli, tempDir } from '../helpers/memory-io.js';

const BASE = `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    get:
      responses: { '200': { description: ok } }
  /pets/{id}:
    delete:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '204': { description: gone } }
`;
/** DELETE /pets/{id} removed; GET /pets gains an optional parameter. */
const REVISION = `openapi: 3.0.3
info: { title: Pets, version: 2.0.0 }
paths:
  /pets:
    get:
      parameters: [{ name: sort, in: query, schema: { type: string } }]
      responses: { '200': { description: ok } }
`;

function git(dir: string, ...args: string[]) {
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'ignore' });
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.startsWith(needle)) + 1;

describe('diff positions in the revision', () => {
  it('points a change at its object and a removal at the nearest surviving parent, in the text git has at the revision', async () => {
    const dir = tempDir({ 'base.yaml': BASE, 'api.yaml': REVISION });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'revision');
    // The working tree moves everything down; positions must come from the committed text.
    writeFileSync(path.join(dir, 'api.yaml'), `# a\n# b\n# c\n${REVISION}`);
    const result = await runCli(['diff', '-f', 'github-actions', 'base.yaml', 'HEAD:api.yaml'], dir, { APIGOV_TODAY: '2026-06-01' });
    const lines = result.stdout.split('\n');
    expect(lines).toContain(`::error file=api.yaml,line=${lineOf(REVISION, 'paths:')},col=1,title=api-path-removed-without-deprecation::DELETE /pets/{id}: path removed without deprecation`);
    // The new parameter: its item in the flow sequence.
    const parameters = lineOf(REVISION, '      parameters:');
    const column = REVISION.split('\n')[parameters - 1]!.indexOf('{ name: sort') + 1;
    expect(lines).toContain(`::notice file=api.yaml,line=${parameters},col=${column},title=new-optional-request-parameter::GET /pets: optional query parameter sort added`);
  });

  it('locates changes in a JSON revision the same way', async () => {
    const revision = JSON.stringify(YAML.parse(REVISION), null, 2);
    const dir = tempDir({ 'base.yaml': BASE, 'revision.json': revision });
    const result = await runCli(['diff', '-f', 'sarif', 'base.yaml', 'revision.json'], dir, { APIGOV_TODAY: '2026-06-01' });
    const results = JSON.parse(result.stdout).runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }>;
    const region = (id: string) => results.find((r) => r.ruleId === id)!.locations[0]!.physicalLocation.region;
    expect(region('api-path-removed-without-deprecation')).toEqual({ startLine: lineOf(revision, '  "paths"'), startColumn: 3 });
    // The new parameter: the item after "parameters": [
    expect(region('new-optional-request-parameter')).toEqual({ startLine: lineOf(revision, '        "parameters"') + 1, startColumn: 11 });
  });
});
