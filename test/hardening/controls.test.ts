import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';

// Legitimate input the limits must let through unchanged: each control is linted (same
// findings as its plain twin where it has one) and diffed (no changes against its twin).

interface JsonFinding {
  code: string;
  path: string[];
  message: string;
}

async function lintJson(dir: string, file: string): Promise<{ code: number; findings: JsonFinding[] }> {
  const result = await runCli(['lint', '--no-cache', '-r', 'spectral:oas', '-f', 'json', file], dir);
  expect(result.stderr).toBe('');
  expect([0, 1]).toContain(result.code);
  return { code: result.code, findings: JSON.parse(result.stdout) as JsonFinding[] };
}

async function expectNoChanges(dir: string, base: string, revision: string): Promise<void> {
  const result = await runCli(['diff', base, revision], dir);
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe('No changes.\n');
  expect(result.code).toBe(0);
}

/** Code, path and message of each finding (ranges differ between a file and its re-encoded twin only where bytes do). */
const essence = (findings: JsonFinding[]) => findings.map((f) => `${f.code} ${f.path.join('.')} ${f.message}`).sort();

const HEAD = 'openapi: 3.0.3\ninfo: {title: Controls, version: 1.0.0}\n';

const RECURSIVE = `${HEAD}paths:
  /trees:
    get:
      responses:
        '200':
          description: A tree.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Node'}
components:
  schemas:
    Node:
      type: object
      properties:
        name: {type: string}
        children:
          type: array
          items: {$ref: '#/components/schemas/Node'}
        parent: {$ref: '#/components/schemas/Node'}
`;

const ANCHORED = `${HEAD}paths:
  /pets:
    get:
      responses:
        '200':
          description: Pets.
          headers: &paging
            X-Total: {schema: {type: integer}}
            X-Next: {schema: {type: string}}
          content:
            application/json:
              schema: &pets {type: array, items: {type: object, properties: {id: {type: integer}}}}
        default: &problem
          description: A problem.
          content:
            application/problem+json:
              schema: {type: object, properties: {title: {type: string}}}
  /owners:
    get:
      responses:
        '200':
          description: Owners.
          headers: *paging
          content:
            application/json:
              schema:
                <<: *pets
                maxItems: 100
        default: *problem
`;

const EXPANDED = `${HEAD}paths:
  /pets:
    get:
      responses:
        '200':
          description: Pets.
          headers:
            X-Total: {schema: {type: integer}}
            X-Next: {schema: {type: string}}
          content:
            application/json:
              schema: {type: array, items: {type: object, properties: {id: {type: integer}}}}
        default:
          description: A problem.
          content:
            application/problem+json:
              schema: {type: object, properties: {title: {type: string}}}
  /owners:
    get:
      responses:
        '200':
          description: Owners.
          headers:
            X-Total: {schema: {type: integer}}
            X-Next: {schema: {type: string}}
          content:
            application/json:
              schema: {type: array, items: {type: object, properties: {id: {type: integer}}}, maxItems: 100}
        default:
          description: A problem.
          content:
            application/problem+json:
              schema: {type: object, properties: {title: {type: string}}}
`;

// Text that looks like YAML structure to a careless scanner: emphasis, anchors and aliases in
// prose, a document marker and unbalanced brackets inside block scalars, tags inside quotes.
const TRICKY_TEXT = `${HEAD}paths:
  /notes:
    get:
      summary: "Returns *all* notes & !important ones: [see docs"
      description: |
        *Emphasis* and **bold**, a & b, see [the guide (unbalanced
        ---
        ... and { an open brace
          - a list item: with a colon
        &anchor-looking *alias-looking !tag-looking
      responses:
        '200':
          description: 'it''s [fine] {really} *yes* &no !maybe'
          content:
            application/json:
              schema:
                type: string
                pattern: '^[a-z]{3}(-[a-z]+)*$'
                example: abc-def
`;

function nested(depth: number): string {
  return `${HEAD}paths: {}\nx-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

describe('controls: legitimate input passes the limits unchanged', () => {
  it('legitimately recursive schemas lint and diff (and a change inside the recursion is found)', async () => {
    const dir = tempDir({ 'api.yaml': RECURSIVE, 'changed.yaml': RECURSIVE.replace('        name: {type: string}', '        name: {type: integer}') });
    const { findings } = await lintJson(dir, 'api.yaml');
    expect(findings.map((f) => f.code)).not.toContain('invalid-ref');
    await expectNoChanges(dir, 'api.yaml', 'api.yaml');
    const changed = await runCli(['diff', '-f', 'json', 'api.yaml', 'changed.yaml'], dir);
    expect(JSON.parse(changed.stdout).changes.map((c: { id: string }) => c.id)).toContain('response-property-type-changed');
  });

  it('a UTF-8 byte order mark changes nothing', async () => {
    const dir = tempDir({ 'plain.yaml': RECURSIVE });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/bom.yaml`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RECURSIVE)]));
    const plain = await lintJson(dir, 'plain.yaml');
    const bom = await lintJson(dir, 'bom.yaml');
    expect(bom.findings.map(({ code, path, message }) => ({ code, path, message }))).toEqual(plain.findings.map(({ code, path, message }) => ({ code, path, message })));
    await expectNoChanges(dir, 'plain.yaml', 'bom.yaml');
  });

  it('UTF-16 LE and BE files with a byte order mark read as their UTF-8 twin', async () => {
    const dir = tempDir({ 'plain.yaml': TRICKY_TEXT });
    const { writeFileSync } = await import('node:fs');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TRICKY_TEXT, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    writeFileSync(`${dir}/le.yaml`, le);
    writeFileSync(`${dir}/be.yaml`, be);
    const plain = essence((await lintJson(dir, 'plain.yaml')).findings);
    expect(essence((await lintJson(dir, 'le.yaml')).findings)).toEqual(plain);
    expect(essence((await lintJson(dir, 'be.yaml')).findings)).toEqual(plain);
    await expectNoChanges(dir, 'plain.yaml', 'le.yaml');
    await expectNoChanges(dir, 'plain.yaml', 'be.yaml');
  });

  it('OpenAPI 3.1 type arrays lint cleanly and equal 3.0 nullable in a diff', async () => {
    const v31 = 'openapi: 3.1.0\ninfo: {title: Controls, version: 1.0.0}\npaths:\n  /a:\n    get:\n      responses:\n        \'200\':\n          description: ok\n          content:\n            application/json:\n              schema: {type: [string, "null"], maxLength: 10}\n';
    const v30 = v31.replace('openapi: 3.1.0', 'openapi: 3.0.3').replace('{type: [string, "null"], maxLength: 10}', '{type: string, nullable: true, maxLength: 10}');
    const dir = tempDir({ '31.yaml': v31, '30.yaml': v30 });
    const { findings } = await lintJson(dir, '31.yaml');
    expect(findings.filter((f) => f.code === 'oas3-schema' || f.code === 'parser')).toEqual([]);
    await expectNoChanges(dir, '30.yaml', '31.yaml');
  });

  it('a webhooks-only OpenAPI 3.1 description is an API description', async () => {
    const spec = "openapi: 3.1.0\ninfo: {title: Hooks, version: 1.0.0}\nwebhooks:\n  newPet:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {type: object}\n      responses:\n        '200': {description: ok}\n";
    const dir = tempDir({ 'hooks.yaml': spec });
    const { findings } = await lintJson(dir, 'hooks.yaml');
    expect(findings.filter((f) => f.code === 'oas3-schema' || f.code === 'parser')).toEqual([]);
    await expectNoChanges(dir, 'hooks.yaml', 'hooks.yaml');
  });

  it('moderate anchors, aliases and a merge key lint and diff exactly like the expanded text', async () => {
    const dir = tempDir({ 'anchored.yaml': ANCHORED, 'expanded.yaml': EXPANDED });
    const anchored = await lintJson(dir, 'anchored.yaml');
    const expanded = await lintJson(dir, 'expanded.yaml');
    expect(essence(anchored.findings)).toEqual(essence(expanded.findings));
    expect(anchored.code).toBe(expanded.code);
    await expectNoChanges(dir, 'expanded.yaml', 'anchored.yaml');
  });

  it('text that only looks like structure (markdown, &, *, !, ---, open brackets in scalars) is not refused', async () => {
    const dir = tempDir({ 'api.yaml': TRICKY_TEXT });
    const { findings } = await lintJson(dir, 'api.yaml');
    expect(findings.map((f) => f.code)).not.toContain('parser');
    await expectNoChanges(dir, 'api.yaml', 'api.yaml');
  });

  it('nesting just under the limit lints and diffs; one level more is refused by both', async () => {
    // x-deep sits one level under the root mapping, so 499 brackets make 500 levels; the 500th bracket (column 508) is one too many.
    const dir = tempDir({ 'ok.yaml': nested(499), 'deep.yaml': nested(500) });
    await lintJson(dir, 'ok.yaml');
    await expectNoChanges(dir, 'ok.yaml', 'ok.yaml');
    const lint = await runCli(['lint', '--no-cache', '-r', 'spectral:oas', 'deep.yaml'], dir);
    expect(lint.stderr).toBe('apigov: deep.yaml:4:508: nested deeper than 500 levels; not parsed\n');
    const diff = await runCli(['diff', 'ok.yaml', 'deep.yaml'], dir);
    expect(diff.stderr).toBe('apigov: revision: deep.yaml:4:508: nested deeper than 500 levels; not parsed\n');
  });

  it('JSON nesting at the limit lints; one level more is refused at the bracket that goes past it', async () => {
    // JSON.parse reads the text and the JSON scan measures its depth (load-spec.ts): the same limit and place as the structure guard.
    const json = (depth: number) => `{"openapi":"3.0.3","info":{"title":"x","version":"1"},"paths":{},"x-deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const dir = tempDir({ 'ok.json': json(499), 'deep.json': json(500) });
    await lintJson(dir, 'ok.json');
    const lint = await runCli(['lint', '--no-cache', '-r', 'spectral:oas', 'deep.json'], dir);
    expect(lint.stderr).toBe(`apigov: deep.json:1:${json(0).length - 1 + 500}: nested deeper than 500 levels; not parsed\n`);
    expect(lint.code).toBe(2);
  });

  it('the bundled example lints and diffs against itself', async () => {
    const dir = tempDir({ 'petstore.yaml': readFileSync(new URL('../../examples/petstore.yaml', import.meta.url), 'utf8') });
    await lintJson(dir, 'petstore.yaml');
    await expectNoChanges(dir, 'petstore.yaml', 'petstore.yaml');
  });

  it('APIGOV_MAX_SPEC_BYTES raises the size limit as well as lowering it, and a bad value is a usage error', async () => {
    const spec = `${HEAD}paths: {}\nx-padding: "${'x'.repeat(2000)}"\n`;
    const dir = tempDir({ 'api.yaml': spec });
    const allowed = await runCli(['lint', '--no-cache', '-r', 'spectral:oas', 'api.yaml'], dir, { APIGOV_MAX_SPEC_BYTES: String(spec.length) });
    expect(allowed.stderr).toBe('');
    const bad = await runCli(['lint', 'api.yaml'], dir, { APIGOV_MAX_SPEC_BYTES: '64MB' });
    expect(bad.stderr).toBe('apigov: APIGOV_MAX_SPEC_BYTES: must be a whole number of bytes, at least 1 (got "64MB")\n');
    expect(bad.code).toBe(2);
  });
});
