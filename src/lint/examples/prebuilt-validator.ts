import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export type Validate = (data: unknown) => boolean;

/**
 * Writes a validator ajv compiled (on an instance made with `code: { source: true }`) as a
 * CommonJS module, with ajv's standalone mode: the build compiles once what every process would
 * otherwise compile at start. The generated code is ajv's own.
 */
export function writeStandalone(file: string, ajv: unknown, validate: Validate): void {
  const standalone = (require('ajv/dist/standalone') as { default: (ajv: unknown, validate: Validate) => string }).default;
  writeFileSync(file, standalone(ajv, validate));
}

/** The validator the build wrote to `file`; before a build (no file), the one `compile` makes now. */
export function builtOr(file: string, compile: () => Validate): Validate {
  try {
    return require(file) as Validate;
  } catch {
    return compile();
  }
}
