import { diffJson } from './json.js';
import { diffMarkdown } from './markdown.js';
import { diffText } from './text.js';
import type { DiffFormatter } from './types.js';

/** Output formats of `apigov diff`, by the name --format takes. */
export const DIFF_FORMATTERS: Readonly<Record<string, DiffFormatter>> = {
  text: diffText,
  json: diffJson,
  markdown: diffMarkdown,
};
