import path from 'node:path';

/** Human formats show paths relative to the working directory; URLs stay as they are. */
export function displaySource(source: string, cwd: string): string {
  if (!path.isAbsolute(source)) return source;
  const relative = path.relative(cwd, source);
  return relative.startsWith('..') ? source : relative;
}
