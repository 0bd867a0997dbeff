import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** Every lint output format, by the name `--format` takes. New formats register here. */
export const LINT_FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish,
  json,
};

export type { Formatter, FormatContext } from './types.js';
