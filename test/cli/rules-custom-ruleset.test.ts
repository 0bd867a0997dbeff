import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS, CUSTOM_RULESET } from '../helpers/custom-ruleset.js';
import { runCli, tempDir } from '../helpers/memory-io.js';

const CHROMIUM = '/usr/bin/chromium';

/** An architect's ruleset that adds its own rules (custom JS functions) to a house ruleset, and a rule whose texts need escaping. */
function architectDir(): string {
  const ruleset = CUSTOM_RULESET.replace('functionsDir:', 'extends: [apigov:naming]\nfunctionsDir:').concat(`  acme-no-script:
    description: Descriptions never contain <script> tags & "quotes".
    x-rationale: Portals render descriptions as HTML.
    severity: error
    given: $..description
    then:
      function: pattern
      functionOptions:
        notMatch: "<script"
`);
  return tempDir({ 'acme.yaml': ruleset, ...CUSTOM_FUNCTIONS });
}

describe('apigov rules --ruleset <a custom ruleset file>', () => {
  it('lists its own rules under its name and inherited ones under the ruleset they come from (text)', async () => {
    const result = await runCli(['rules', '--ruleset', 'acme.yaml'], architectDir());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('acme-')).map((line) => line.split(/\s{2,}/))).toEqual([
      ['acme-no-script', 'error', 'acme.yaml', 'Descriptions never contain <script> tags & "quotes".'],
      ['acme-owner', 'warn', 'acme.yaml', 'Every operation names its owning team in x-owner.'],
      ['acme-summary-period', 'info', 'acme.yaml', 'Operation summaries do not end with a period.'],
      ['acme-tag-style', 'warn', 'acme.yaml', 'Tag names are <lower> or UPPER case, as the house option tagStyle says.'],
    ]);
    expect(lines.find((line) => line.startsWith('apigov-path-kebab-case '))?.split(/\s{2,}/).slice(0, 3)).toEqual(['apigov-path-kebab-case', 'warn', 'apigov:naming']);
    expect(lines).toHaveLength(4 + 11);
  });

  it('gives each rule its given/then summary and rationale (json) and documents its own rules (markdown)', async () => {
    const dir = architectDir();
    const json = await runCli(['rules', '-r', 'acme.yaml', '-f', 'json'], dir);
    const { rules, diffChecks } = JSON.parse(json.stdout) as { rules: Array<Record<string, unknown>>; diffChecks: unknown[] };
    expect(diffChecks).toEqual([]);
    expect(rules.find((rule) => rule.id === 'acme-summary-period')).toEqual({
      id: 'acme-summary-period',
      ruleset: 'acme.yaml',
      severity: 'info',
      description: 'Operation summaries do not end with a period.',
      given: ['$.paths[*][*].summary'],
      then: ['pattern {"notMatch":"\\\\.$"}'],
    });
    expect(rules.find((rule) => rule.id === 'acme-owner')).toMatchObject({ rationale: 'On-call needs to know whom to page when an endpoint breaks.', given: ['$.paths[*][get,put,post,delete,patch]'] });

    const markdown = await runCli(['rules', '-r', 'acme.yaml', '-f', 'markdown'], dir);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('| acme-owner | acme.yaml | warn | Every operation names its owning team in x-owner. |');
    expect(markdown.stdout).toContain('### acme-owner\n\nEvery operation names its owning team in x-owner.\n\n- **Ruleset:** acme.yaml\n- **Severity:** warn\n\n**Why:** On-call needs to know whom to page when an endpoint breaks.');
  });

  it('writes one self-contained HTML page that a browser shows with each rule id, description and rationale, text escaped', async () => {
    const dir = architectDir();
    const result = await runCli(['rules', '-r', 'acme.yaml', '-f', 'html', '-o', 'rules.html'], dir);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(path.join(dir, 'rules.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(script|link)\b/);
    expect(html).toContain('Descriptions never contain &lt;script&gt; tags &amp; &quot;quotes&quot;.');
    if (!existsSync(CHROMIUM)) {
      console.warn(`${CHROMIUM} is missing: the HTML rules page was not opened in a browser`);
      return;
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${path.join(dir, 'rules.html')}`);
      expect(await page.title()).toBe('Rules of acme.yaml');
      const groups = await page.locator('section.group > h2').allInnerTexts();
      expect(groups).toEqual(['acme.yaml', 'apigov:naming']);
      const owner = page.locator('#rule-acme-owner');
      await expect(owner.isVisible()).resolves.toBe(true);
      expect(await owner.locator('h3').innerText()).toMatch(/^acme-owner\s*warn$/);
      expect(await owner.locator('.description').innerText()).toBe('Every operation names its owning team in x-owner.');
      expect(await owner.locator('.rationale').innerText()).toBe('Why: On-call needs to know whom to page when an endpoint breaks.');
      expect(await owner.locator('dl.applies').innerText()).toMatch(/^Given\s+\$\.paths\[\*\]\[get,put,post,delete,patch\]\s+Then\s+hasowner$/);
      const escaped = page.locator('#rule-acme-no-script .description');
      expect(await escaped.innerText()).toBe('Descriptions never contain <script> tags & "quotes".');
      // House rules bring their failing and passing examples, folded until opened.
      const kebab = page.locator('#rule-apigov-path-kebab-case');
      expect(await kebab.locator('details pre').first().isVisible()).toBe(false);
      await kebab.locator('details summary').first().click();
      expect(await kebab.locator('details pre').first().innerText()).toContain('openapi:');
    } finally {
      await browser.close();
    }
  });
});
