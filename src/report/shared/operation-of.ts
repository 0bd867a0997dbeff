const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * `GET /pets` for a path into an operation (`["paths", "/pets", "get", ...]`), so findings can be
 * grouped the way API reviewers think; undefined for anything outside an operation.
 */
export function operationOf(path: readonly (string | number)[]): string | undefined {
  if (path[0] !== 'paths' || typeof path[1] !== 'string') return undefined;
  const method = path[2];
  if (typeof method !== 'string' || !METHODS.includes(method.toLowerCase())) return undefined;
  return `${method.toUpperCase()} ${path[1]}`;
}

/** Orders `METHOD /path` labels by path, then by method in the order OpenAPI lists them. */
export function compareOperations(a: string, b: string): number {
  const [methodA = '', pathA = ''] = splitOperation(a);
  const [methodB = '', pathB = ''] = splitOperation(b);
  if (pathA !== pathB) return pathA < pathB ? -1 : 1;
  return METHODS.indexOf(methodA.toLowerCase()) - METHODS.indexOf(methodB.toLowerCase());
}

function splitOperation(label: string): [string, string] {
  const space = label.indexOf(' ');
  return space === -1 ? ['', label] : [label.slice(0, space), label.slice(space + 1)];
}
