import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { CLEAN_OAS3 } from '../helpers/specs.js';

describe('apigov init', () => {
  it('writes a commented starter apigov.yaml naming the specs it finds, which apigov then uses', async () => {
    // apigov.yaml and api-notes.yaml match the usual names but declare no API description.
    const dir = tempDir({ 'api/openapi.yaml': CLEAN_OAS3, 'node_modules/x/openapi.yaml': CLEAN_OAS3, 'README.md': '# x\n', 'api-notes.yaml': 'notes: []\n' });
    const result = await runCli(['init'], dir);
    expect(result).toEqual({ code: 0, stdout: 'Wrote apigov.yaml naming 1 spec.\n', stderr: '' });
    const text = readFileSync(path.join(dir, 'apigov.yaml'), 'utf8');
    expect(text).toMatch(/^# apigov configuration/);
    expect(text).toContain('specs:\n  - "api/openapi.yaml"\n');
    // Every section is there to be filled in, with an example commented out.
    for (const key of ['ruleset:', 'rules:', 'options:', 'overrides:', 'diff:', 'waivers:', 'baseline:']) expect(text).toContain(`\n${key}`);
    const config = parseConfigText(text, path.join(dir, 'apigov.yaml'));
    expect(config.specs).toEqual([path.join(dir, 'api/openapi.yaml')]);
    expect(config.ruleset).toBe('apigov:recommended');
    // The starter validates against the loaded ruleset too: lint runs (exit 0 or 1, never 2).
    const lint = await runCli(['lint', '-f', 'json'], dir);
    expect(lint.stderr).toBe('');
    expect([0, 1]).toContain(lint.code);
  });

  it('names openapi.yaml when it finds no spec', async () => {
    const dir = tempDir({});
    const result = await runCli(['init'], dir);
    expect(result.stdout).toBe('Wrote apigov.yaml (edit specs: to name your API descriptions).\n');
    expect(parseConfigText(readFileSync(path.join(dir, 'apigov.yaml'), 'utf8'), path.join(dir, 'apigov.yaml')).specs).toEqual([path.join(dir, 'openapi.yaml')]);
  });

  it('refuses to overwrite an existing apigov.yaml (exit 2, file untouched) unless --force', async () => {
    const dir = tempDir({ 'apigov.yaml': 'specs: [mine.yaml]\n' });
    const refused = await runCli(['init'], dir);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `apigov: ${path.join(dir, 'apigov.yaml')}: already exists; pass --force to overwrite it\n` });
    expect(readFileSync(path.join(dir, 'apigov.yaml'), 'utf8')).toBe('specs: [mine.yaml]\n');
    const forced = await runCli(['init', '--force'], dir);
    expect(forced.code).toBe(0);
    // Re-running init never lists the config itself as a spec.
    expect(readFileSync(path.join(dir, 'apigov.yaml'), 'utf8')).not.toContain('- "apigov.yaml"');
    expect(readFileSync(path.join(dir, 'apigov.yaml'), 'utf8')).toContain('# apigov configuration');
  });

  it('the commented-out examples validate too once uncommented', async () => {
    const dir = tempDir({ 'openapi.yaml': CLEAN_OAS3 });
    await runCli(['init'], dir);
    const file = path.join(dir, 'apigov.yaml');
    const text = readFileSync(file, 'utf8');
    // Uncomment every example line ("#  " / "#    " indented) and drop the empty placeholders they replace.
    const uncommented = text
      .split('\n')
      .map((line) => (/^#( {2,})/.test(line) ? line.slice(1) : line))
      .join('\n')
      .replace(/^(rules|options|overrides|waivers): (\{\}|\[\])\n/gm, '$1:\n')
      .replace(/^ {2}profiles: \{\}\n/m, '  profiles:\n');
    writeFileSync(file, uncommented.replace(/^options:\n/m, 'options: {}\n'));
    const config = parseConfigText(readFileSync(file, 'utf8'), file);
    expect(config.rules).toEqual({ 'info-contact': 'error', 'apigov-operation-summary': 'warn' });
    expect(config.overrides.map((o) => o.rules)).toEqual([{ 'apigov-path-kebab-case': 'off' }, { 'apigov-operation-security-defined': 'off' }]);
    expect(config.diff.profiles.map((p) => p.name)).toEqual(['strict']);
    expect(config.waivers.map((w) => w.rule)).toEqual(['apigov-rate-limit-responses']);
    const lint = await runCli(['lint', '-f', 'json'], dir);
    expect(lint.stderr).toBe('');
    expect([0, 1]).toContain(lint.code);
  });
});
