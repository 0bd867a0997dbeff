import { diffGithubActions } from './github-actions.js';
import { diffGitlab } from './gitlab.js';
import { diffHtml } from './html.js';
import { diffJson } from './json.js';
import { diffJunit } from './junit.js';
import { diffMarkdown } from './markdown.js';
import { diffSarif } from './sarif.js';
import { diffText } from './text.js';
import type { DiffFormatter } from './types.js';

/** Output formats of `apigov diff`, by the name --format takes. */
export const DIFF_FORMATTERS: Readonly<Record<string, DiffFormatter>> = {
  text: diffText,
  json: diffJson,
  markdown: diffMarkdown,
  sarif: diffSarif,
  junit: diffJunit,
  'github-actions': diffGithubActions,
  html: diffHtml,
  gitlab: diffGitlab,
};

/** Formats that show where a change is in the revision, so the diff locates changes for them (an extra parse). */
export const DIFF_FORMATS_WITH_POSITIONS: ReadonlySet<string> = new Set(['sarif', 'junit', 'github-actions', 'gitlab']);
