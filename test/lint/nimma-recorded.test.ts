import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinGivenPaths } from '../../src/lint/builtin-given-paths.js';
import { askNimma, filterCode, generateFilterCode, nimmaFallsBack, readNimmaRecord, writeNimmaRecord, type NimmaRecord } from '../../src/lint/engine/nimma-recorded.js';
import { BUILD_DIR } from '../../src/build-output.js';
import { tempDir } from '../helpers/memory-io.js';

describe("Nimma's answers recorded at build time", () => {
  it('the built record covers every path of the built-in rulesets and says what Nimma says now', async () => {
    const record = readNimmaRecord(path.join(BUILD_DIR, 'nimma-recorded.json'));
    expect(record).not.toBeNull();
    const paths = await builtinGivenPaths();
    expect(paths.size).toBeGreaterThan(150);
    for (const given of paths) expect(Object.hasOwn(record!.fallsBack, given), given).toBe(true);
    for (const [given, fallsBack] of Object.entries(record!.fallsBack)) expect(fallsBack, given).toBe(askNimma(given));
    expect(Object.keys(record!.filterCode).length).toBeGreaterThan(15);
    for (const [expression, code] of Object.entries(record!.filterCode)) expect(code, expression).toBe(generateFilterCode(expression));
  });

  it('answers from the record for the paths it holds, and asks Nimma for any other', () => {
    const compiled = "$.paths[*][?(@ && @.deprecated === true)]";
    expect(askNimma(compiled)).toBe(false);
    // A doctored record shows the answer comes from it, not from Nimma.
    const record: NimmaRecord = { nimma: 'any', fallsBack: { [compiled]: true }, filterCode: { '@.x': 'recorded code' } };
    expect(nimmaFallsBack(compiled, record)).toBe(true);
    expect(filterCode('@.x', record)).toBe('recorded code');
    // Not in the record: Nimma's own answer, including its fallback for syntax it does not compile.
    expect(nimmaFallsBack('$.info.version', record)).toBe(false);
    expect(nimmaFallsBack('$..[?(@.a.match(/x/))]', record)).toBe(askNimma('$..[?(@.a.match(/x/))]'));
    expect(filterCode('@.y', record)).toBe(generateFilterCode('@.y'));
    expect(nimmaFallsBack(compiled, null)).toBe(false);
  });

  it('a record made with another Nimma version, or unreadable, is not used', () => {
    const dir = tempDir();
    const file = path.join(dir, 'record.json');
    const counts = writeNimmaRecord(['$.paths[*][?(@ && @.deprecated === true)]', '$.info'], file);
    expect(counts).toEqual({ paths: 2, filters: 1 });
    expect(readNimmaRecord(file)?.fallsBack).toEqual({ '$.info': false, '$.paths[*][?(@ && @.deprecated === true)]': false });
    const other = JSON.parse(readFileSync(file, 'utf8')) as NimmaRecord;
    writeFileSync(file, JSON.stringify({ ...other, nimma: '0.0.0-other' }));
    expect(readNimmaRecord(file)).toBeNull();
    writeFileSync(file, '{"nimma":');
    expect(readNimmaRecord(file)).toBeNull();
    expect(readNimmaRecord(path.join(dir, 'missing.json'))).toBeNull();
  });
});
