import { dirname, join, stripRoot, toFSPath } from '@stoplight/path';
import URI from 'urijs';
import type { SchemeReaders } from './resolve-types.js';

/** A `$ref` inside the same document: the target pointer as written, and the ref as Spectral prints it. */
export interface LocalRef {
  local: true;
  pointer: string;
  text: string;
}

/** A `$ref` to another document; `jsonPointer` is the part of it wanted ('' for all of it). */
export interface RemoteRef {
  local: false;
  uri: URI;
  jsonPointer: string;
}

// URI parsing drops tabs and line breaks anywhere; a ref with none, starting with '#', is local as written.
const PLAIN_LOCAL = /^#[^\t\n\r]*$/;

/**
 * How Spectral's resolver reads a `$ref` string relative to the document it is in — the same
 * URI library and path functions, the same order of rules — so that relative, absolute, file://,
 * http(s) and odd refs land where they land in Spectral. Plain `#…` refs, nearly all of them,
 * skip the URI parse.
 */
export class RefUris {
  constructor(
    private readonly base: URI,
    private readonly readers: SchemeReaders,
  ) {}

  parse(text: string): LocalRef | RemoteRef {
    if (PLAIN_LOCAL.test(text)) return { local: true, pointer: text === '#' ? '#' : text, text: text === '#' ? '' : text };
    // `length` is the trimmed text's, kept only while the ref is still the URI parsed from the text.
    let length: number | undefined = text.trim().length;
    let ref = new URI(text);
    if (!text.startsWith('#')) {
      if (this.isFile(ref)) {
        let absolute = ref.toString();
        if (!ref.is('absolute')) absolute = this.base.toString() ? join(dirname(this.base.toString()), stripRoot(absolute)) : '';
        if (absolute) {
          ref = new URI(toFSPath(absolute)).fragment(ref.fragment());
          length = undefined;
        }
      } else if (ref.scheme().includes('http') || (ref.scheme() === '' && this.base.scheme().includes('http'))) {
        if (this.base.authority() !== '' && ref.authority() === '') {
          ref = ref.absoluteTo(this.base);
          length = undefined;
        }
      }
    }
    if (String(ref).length > 0 && this.isFile(this.base) && this.isFile(ref) && this.base.path() === ref.path()) {
      const own = `#${ref.fragment()}`;
      ref = new URI(own);
      length = own.trim().length;
    }
    const jsonPointer = length === 0 ? '' : ref.fragment() !== '' ? `#${ref.fragment()}` : ref.href() === '' ? '#' : '';
    if ((length === undefined || length > 0) && ref.path() === '') return { local: true, pointer: jsonPointer, text: ref.toString() };
    return { local: false, uri: ref, jsonPointer };
  }

  /** Whether a URI is read as a file: file:, a path, or a scheme without a reader (resolvers looked up like Spectral's object). */
  isFile(ref: URI): boolean {
    const scheme = ref.scheme();
    if (scheme === 'file') return true;
    if (!scheme) {
      if (ref.toString().charAt(0) === '/') return true;
      const baseScheme = this.base.scheme();
      return !baseScheme || baseScheme === 'file' || !this.readers[baseScheme];
    }
    return !this.readers[scheme];
  }
}

/**
 * A document's base URI as Spectral's runner makes it. It asks "is this a file?" before the base
 * is set, so a relative path counts as a file only through a scheme without a reader.
 */
export function baseUriOf(baseUri: string, readers: SchemeReaders): URI {
  const uri = new URI(baseUri);
  const scheme = uri.scheme();
  const isFile = scheme === 'file' || (scheme ? !readers[scheme] : uri.toString().charAt(0) === '/');
  return isFile ? new URI(toFSPath(baseUri)) : uri;
}

/** The document part of a URI: the cache key documents are shared by. */
export function withoutFragment(uri: URI): string {
  return uri.clone().fragment('').toString();
}
