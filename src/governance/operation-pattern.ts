const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PATTERN = /^(\*|[A-Za-z]+) (\/\S*)$/;

export interface OperationRef {
  method: string;
  path: string;
}

/** The operation a location in a spec is inside (`["paths", "/pets", "get", ...]`), if any. */
export function operationAt(location: readonly (string | number)[]): OperationRef | undefined {
  const [root, pathKey, method] = location;
  if (root !== 'paths' || typeof pathKey !== 'string' || typeof method !== 'string') return undefined;
  return METHODS.includes(method.toLowerCase()) ? { method: method.toLowerCase(), path: pathKey } : undefined;
}

/** `GET /pets` as the diff engine labels operations. */
export function parseOperationLabel(label: string): OperationRef | undefined {
  const match = PATTERN.exec(label.trim());
  return match ? { method: match[1]!.toLowerCase(), path: match[2]! } : undefined;
}

/** `METHOD /path`, METHOD an HTTP method or `*`. */
export function isValidOperationPattern(pattern: string): boolean {
  const match = PATTERN.exec(pattern.trim());
  return match !== null && (match[1] === '*' || METHODS.includes(match[1]!.toLowerCase()));
}

function segmentsMatch(pattern: string[], actual: string[]): boolean {
  if (pattern.length === 0) return actual.length === 0;
  const [head, ...rest] = pattern;
  if (head === '**') return actual.some((_, i) => segmentsMatch(rest, actual.slice(i))) || segmentsMatch(rest, []);
  if (actual.length === 0) return false;
  return (head === '*' || head === actual[0]) && segmentsMatch(rest, actual.slice(1));
}

/**
 * Whether an operation matches `GET /pets/*`: the method (or `*`), then the path segment by
 * segment, `*` standing for one segment and `**` for any number. Templates compare as written.
 */
export function operationMatches(pattern: string, operation: OperationRef): boolean {
  const parsed = parseOperationLabel(pattern);
  if (!parsed) return false;
  if (parsed.method !== '*' && parsed.method !== operation.method) return false;
  return segmentsMatch(parsed.path.split('/').slice(1), operation.path.split('/').slice(1));
}
