import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** Writes via a temporary file and a rename, so a reader never sees half a report. */
export async function writeOutputFile(file: string, text: string | Iterable<string>, what = 'the report'): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, text);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new UsageError(`${file}: cannot write ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
