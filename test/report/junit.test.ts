import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { findAll, parseXml, type XmlElement } from '../helpers/parse-xml.js';
import { EVIL, EVIL_SPEC } from '../helpers/report-specs.js';
import { CLEAN_OAS3 } from '../helpers/specs.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const count = (element: XmlElement, name: string) => Number(element.attributes[name]);

interface JsonRow {
  code: string;
  message: string;
  severity: number;
  source: string;
}

describe('JUnit output', () => {
  it('has a suite per file, a case per finding, passing cases for clean files and an error case for a broken one', async () => {
    const dir = tempDir({ 'pets.yaml': EVIL_SPEC, 'clean.yaml': CLEAN_OAS3.replace('/pets:', '/dogs:'), 'broken.yaml': 'openapi: [\n' });
    const args = ['lint', '-r', 'spectral:oas', 'pets.yaml', 'clean.yaml', 'broken.yaml'];
    const result = await runCli([...args, '-f', 'junit'], dir);
    expect(result.code).toBe(2);
    const rows = JSON.parse((await runCli([...args, '-f', 'json'], dir)).stdout) as JsonRow[];
    const root = parseXml(result.stdout);
    expect(root.name).toBe('testsuites');
    const suites = root.children;
    expect(suites.map((s) => s.attributes.name)).toEqual(['broken.yaml', 'clean.yaml', 'pets.yaml']);
    const [broken, clean, pets] = suites as [XmlElement, XmlElement, XmlElement];
    expect(findAll(broken, 'error').map((e) => e.attributes.message)).toEqual([expect.stringMatching(/^broken\.yaml:2:1: not valid YAML or JSON/)]);
    expect(clean.children).toEqual([{ name: 'testcase', attributes: { name: 'no findings', classname: 'clean.yaml', file: 'clean.yaml' }, children: [], text: '' }]);
    const petRows = rows.filter((r) => r.source === path.join(dir, 'pets.yaml'));
    expect(petRows.length).toBeGreaterThan(3);
    expect(findAll(pets, 'testcase')).toHaveLength(petRows.length);
    expect(findAll(pets, 'failure').map((f) => f.attributes.type)).toEqual(petRows.filter((r) => r.severity <= 1).map((r) => ['error', 'warn'][r.severity]));
    expect(count(pets, 'failures')).toBe(petRows.filter((r) => r.severity <= 1).length);
    expect(count(root, 'tests')).toBe(petRows.length + 2);
    expect(count(root, 'failures')).toBe(findAll(root, 'failure').length);
    expect(count(root, 'errors')).toBe(1);
  });

  it('escapes spec text (<, &, quotes, control characters) so the report stays well-formed', async () => {
    const dir = tempDir({ 'pets.yaml': EVIL_SPEC });
    const result = await runCli(['lint', '-f', 'junit', 'pets.yaml'], dir);
    const rows = JSON.parse((await runCli(['lint', '-f', 'json', 'pets.yaml'], dir)).stdout) as JsonRow[];
    const root = parseXml(result.stdout);
    // XML cannot carry U+0007 at all, not even as a reference: it is replaced, everything else survives.
    const asXml = (text: string) => text.replace(/\u0007/g, '\uFFFD');
    const casing = rows.find((r) => r.code === 'apigov-parameter-casing' && r.message.includes(EVIL))!;
    expect(casing.severity).toBe(1);
    const failures = findAll(root, 'failure');
    expect(failures.map((f) => f.attributes.message)).toContain(asXml(casing.message));
    const bounded = rows.find((r) => r.code === 'apigov-string-bounded' && r.message.startsWith('parameter'))!;
    expect(bounded.severity).toBe(2);
    // info findings are passing cases that carry their text.
    const outputs = findAll(root, 'system-out').map((o) => o.text);
    expect(outputs.some((text) => text.includes(asXml(bounded.message)))).toBe(true);
    const names = findAll(root, 'testcase').map((c) => c.attributes.name);
    expect(names).toContain(`apigov-string-bounded at /paths/~1pets/post/requestBody/content/application~1json/schema/properties/${asXml(EVIL).replace(/~/g, '~0').replace(/\//g, '~1')}`);
    expect(result.stdout).not.toContain('\u0007');
  });

  it('writes a diff as a suite per operation with failing breaking and warn changes', async () => {
    const dir = tempDir();
    for (const side of ['base', 'revision']) copyFileSync(path.join(REPO, `fixtures/diff/schema-properties/request/${side}.yaml`), path.join(dir, `${side}.yaml`));
    const env = { APIGOV_TODAY: '2026-06-01' };
    const root = parseXml((await runCli(['diff', '-f', 'junit', 'base.yaml', 'revision.yaml'], dir, env)).stdout);
    const json = JSON.parse((await runCli(['diff', '-f', 'json', 'base.yaml', 'revision.yaml'], dir, env)).stdout);
    expect(root.children.map((s) => s.attributes.name)).toEqual(['POST /customers']);
    expect(count(root, 'tests')).toBe(json.summary.total);
    expect(count(root, 'failures')).toBe(json.summary.error + json.summary.warn);
    expect(findAll(root, 'failure').map((f) => f.attributes.type)).toEqual(json.changes.filter((c: { level: string }) => c.level !== 'info').map((c: { level: string }) => c.level));
    const unchanged = parseXml((await runCli(['diff', '-f', 'junit', 'base.yaml', 'base.yaml'], dir, env)).stdout);
    expect(findAll(unchanged, 'testcase').map((c) => c.attributes.name)).toEqual(['no changes']);
  });

  it('is read back by a parser that rejects what is not well-formed', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    expect(parseXml(`${head}<a b="&lt;&#10;"><c/>x &amp; y</a>`)).toMatchObject({ attributes: { b: '<\n' }, text: 'x & y' });
    for (const bad of ['<a b="<"/>', '<a>&</a>', '<a>&nbsp;</a>', '<a><b></a></b>', '<a>\u0007</a>', '<a b="1" b="2"/>', '<a/><b/>']) {
      expect(() => parseXml(`${head}${bad}`), bad).toThrow();
    }
  });
});
