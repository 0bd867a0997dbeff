type Json = unknown;

export interface DocumentSource {
  /** Absolute path (or `REF:path`) of the root document, used to resolve relative refs. */
  location: string;
  data: Json;
  /** Reads and parses another document of the same description; undefined when it cannot. */
  readExternal(location: string): Json | undefined;
  /** Resolves a relative file reference against the location of the document holding it. */
  resolveLocation(from: string, relative: string): string;
}

function unescapePointer(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

function lookupPointer(root: Json, pointer: string): Json | undefined {
  if (pointer === '' || pointer === '/') return root;
  let node = root;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, Json>)[unescapePointer(raw)];
  }
  return node;
}

/**
 * Follows `$ref`s lazily, without copying the document: local pointers, and relative files
 * read through the source (which confines them). Each object knows the document it came from,
 * so refs inside an external file resolve against that file.
 */
export class RefResolver {
  private readonly owner = new WeakMap<object, string>();
  private readonly documents = new Map<string, Json | undefined>();

  constructor(private readonly source: DocumentSource) {
    this.documents.set(source.location, source.data);
  }

  /** The target of a `$ref` chain, or the node itself; undefined for a ref that cannot be resolved. */
  deref(node: Json): Json | undefined {
    let current = node;
    for (let hops = 0; hops < 64; hops += 1) {
      if (current === null || typeof current !== 'object' || typeof (current as { $ref?: unknown }).$ref !== 'string') return current;
      current = this.follow(current as { $ref: string });
    }
    return undefined; // a ref chain that loops without reaching a schema
  }

  /** The `$ref` string of a node, if it is a reference — used to name and match schemas. */
  refName(node: Json): string | undefined {
    const ref = node !== null && typeof node === 'object' ? (node as { $ref?: unknown }).$ref : undefined;
    return typeof ref === 'string' ? ref : undefined;
  }

  private follow(node: { $ref: string }): Json | undefined {
    const from = this.owner.get(node) ?? this.source.location;
    const [file, pointer = ''] = node.$ref.split('#', 2) as [string, string?];
    const location = file === '' ? from : this.source.resolveLocation(from, file);
    const document = this.load(location);
    return document === undefined ? undefined : lookupPointer(document, pointer);
  }

  private load(location: string): Json | undefined {
    if (this.documents.has(location)) return this.documents.get(location);
    const data = this.source.readExternal(location);
    this.documents.set(location, data);
    if (data !== undefined) this.adopt(data, location);
    return data;
  }

  /** Marks every object of an external document as belonging to it (iteratively: no recursion limit). */
  private adopt(root: Json, location: string): void {
    const stack: Json[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === null || typeof node !== 'object' || this.owner.has(node)) continue;
      this.owner.set(node, location);
      for (const value of Object.values(node)) stack.push(value);
    }
  }
}
