import path from 'node:path';

/** Whether `file` is `root` or below it — the confinement rule for `$ref` targets in lint and diff. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
