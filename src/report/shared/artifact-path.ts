import path from 'node:path';
import { pathToFileURL } from 'node:url';

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

export function isUrl(source: string): boolean {
  return URL_PATTERN.test(source);
}

/**
 * A source relative to the working directory with `/` separators, or undefined when it lies
 * outside it (or is a URL). CI systems match annotations and code-scanning alerts by
 * repository-relative path, and apigov runs from the repository root in CI.
 */
export function relativeToCwd(source: string, cwd: string): string | undefined {
  if (isUrl(source)) return undefined;
  if (!path.isAbsolute(source)) return source.split(path.sep).join('/');
  const relative = path.relative(cwd, source);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** The file URL of the working directory, ending in `/` as SARIF requires of a base URI. */
export function directoryUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, `#`, `?`, `:`). */
export function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

export function absoluteUri(source: string): string {
  return isUrl(source) ? source : pathToFileURL(source).href;
}
