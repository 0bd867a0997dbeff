import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { EVIL_SPEC, manyOperationsSpec } from '../helpers/report-specs.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED: ${CHROMIUM} not found — the HTML reports were not opened in a browser (.ci/run installs Debian's chromium)`);

const SCRIPT = '<script>window.pwned=1</script>';

let browser: Browser;

/** Opens a written report as a reader would, recording every request the page makes. */
async function open(file: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => void requests.push(request.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, requests };
}

const text = async (page: Page, selector: string) => (await page.locator(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

describe.skipIf(!hasChromium)('html output in a browser', () => {
  beforeAll(async () => {
    // Root in a container cannot use Chromium's sandbox.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => browser?.close());

  it('shows a lint report: counts, findings by severity, rule and operation, spec text as text', async () => {
    const dir = tempDir({ 'pets.yaml': EVIL_SPEC, 'items.yaml': manyOperationsSpec(2) });
    const rows = JSON.parse((await runCli(['lint', '-f', 'json', 'pets.yaml', 'items.yaml'], dir)).stdout) as Array<{ severity: number; code: string }>;
    const result = await runCli(['lint', '-f', 'html', '-o', 'report.html', 'pets.yaml', 'items.yaml'], dir);
    expect(result.stderr).toBe('');
    const file = path.join(dir, 'report.html');
    const { page, requests } = await open(file);
    const count = (s: number) => rows.filter((r) => r.severity === s).length;
    expect(await text(page, '.counts li')).toEqual([`${count(0)} errors`, `${count(1)} warnings`, `${count(2)} info`, '0 hints', '2 files linted']);
    expect(await text(page, 'h2')).toEqual(['By severity', 'By rule', 'By operation']);
    expect(await text(page, '#by-severity ~ h3')).toEqual(expect.arrayContaining([`Errors (${count(0)})`, `Warnings (${count(1)})`, `Info (${count(2)})`]));
    // By rule: each rule a collapsed section whose summary names it and its description.
    const casing = page.locator('details summary', { hasText: 'apigov-parameter-casing' });
    await expect.poll(() => casing.isVisible()).toBe(true);
    expect((await casing.innerText()).startsWith(`apigov-parameter-casing — ${rows.filter((r) => r.code === 'apigov-parameter-casing').length} finding`)).toBe(true);
    // By operation: a heading per operation.
    const operations = await text(page, 'h3 code');
    expect(operations).toEqual(expect.arrayContaining(['GET /pets', 'POST /pets', 'GET /items0', 'GET /items1']));
    // The spec's <script> is on the page as text, and nothing ran.
    expect(await page.locator('body').innerText()).toContain(SCRIPT);
    expect(await page.evaluate(() => ({ pwned: (window as unknown as { pwned?: number }).pwned, scripts: document.scripts.length }))).toEqual({ pwned: undefined, scripts: 0 });
    expect(readFileSync(file, 'utf8')).not.toContain(SCRIPT);
    expect(requests).toEqual([pathToFileURL(file).href]);
    // Unticking "Warnings" hides every warning row; errors stay.
    const warnRows = page.locator('tr.sev-warn');
    await page.locator('#show-warn').uncheck();
    expect(await warnRows.first().isVisible()).toBe(false);
    expect(await page.locator('#by-severity ~ table tr.sev-error').first().isVisible()).toBe(true);
    await page.close();
  });

  it('shows a diff as a changelog: verdict, breaking first, per operation, spec text as text', async () => {
    const base = `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  "${SCRIPT}": { type: string }
                  name: { type: string }
  /owners:
    get:
      responses: { '200': { description: ok } }
`;
    const revision = base.replace(`                  "${SCRIPT}": { type: string }\n`, '').replace(/  \/owners:[\s\S]*$/, '  /vets:\n    get:\n      responses: { "200": { description: ok } }\n');
    const dir = tempDir({ 'base.yaml': base, 'revision.yaml': revision });
    const env = { APIGOV_TODAY: '2026-06-01' };
    const json = JSON.parse((await runCli(['diff', '-f', 'json', 'base.yaml', 'revision.yaml'], dir, env)).stdout);
    expect(json.summary.error).toBeGreaterThan(0);
    expect(json.summary.info).toBeGreaterThan(0);
    await runCli(['diff', '-f', 'html', '-o', 'changes.html', 'base.yaml', 'revision.yaml'], dir, env);
    const file = path.join(dir, 'changes.html');
    const { page, requests } = await open(file);
    expect(await text(page, 'h1')).toEqual(['API changes: base.yaml → revision.yaml']);
    expect(await text(page, '.verdict')).toEqual([`Recommended release: ${json.semver.recommended}. info.version unchanged (1.0.0) — not enough.`]);
    const sections = await text(page, 'h2');
    expect(sections).toEqual([
      `Breaking changes (${json.summary.error})`,
      ...(json.summary.warn > 0 ? [`Warnings (${json.summary.warn})`] : []),
      `Other changes (${json.summary.info})`,
    ]);
    expect(await text(page, 'section.sev-error h3')).toContain('GET /owners');
    expect(await page.locator('body').innerText()).toContain(SCRIPT);
    expect(await page.evaluate(() => ({ pwned: (window as unknown as { pwned?: number }).pwned, scripts: document.scripts.length }))).toEqual({ pwned: undefined, scripts: 0 });
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  });
});
