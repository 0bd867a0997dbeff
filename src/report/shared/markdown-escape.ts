/**
 * Text from a spec, made inert for a GitHub table cell: Markdown punctuation and `<` are
 * backslash-escaped (no emphasis, links, HTML or mentions can be injected), `|` cannot end the
 * cell, and line breaks become spaces because a table row is one line.
 */
export function markdownCell(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|~#@!]/g, (c) => `\\${c}`);
}

/**
 * A code span in a table cell. Inside code spans backslashes do not escape, so a backtick is
 * fenced with a longer run of backticks instead; GitHub still needs `\|` for a pipe in a cell.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
