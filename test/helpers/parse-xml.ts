/**
 * A strict reader for the XML apigov writes (elements, attributes, text, the five predefined
 * entities and numeric references; no DTD, CDATA or comments). Anything not well-formed throws,
 * so a test that reads a report back also proves it parses in a real XML consumer.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: string): string {
  if (FORBIDDEN.test(raw)) throw new Error(`character not allowed in XML ${where}`);
  return raw.replace(/&([^;]*);|&/g, (match, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#(\d+)$/.exec(ref)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${ref}; ${where}`);
    return String.fromCodePoint(ref.startsWith('#x') ? parseInt(code, 16) : Number(code));
  });
}

export function parseXml(text: string): XmlElement {
  let at = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${at}: ${JSON.stringify(text.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    while (/\s/.test(text[at] ?? '')) at += 1;
  };
  const readName = () => (NAME.exec(text.slice(at))?.[0] ?? fail('expected a name'));
  function readElement(): XmlElement {
    if (text[at] !== '<') fail('expected <');
    at += 1;
    const name = readName();
    at += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (text.startsWith('/>', at)) {
        at += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (text[at] === '>') break;
      if (before === at) fail('expected space before an attribute');
      const key = readName();
      at += key.length;
      if (text[at] !== '=' || text[at + 1] !== '"') fail('expected ="');
      const end = text.indexOf('"', at + 2);
      if (end === -1) fail('unterminated attribute');
      const raw = text.slice(at + 2, end);
      if (raw.includes('<')) fail('< in attribute');
      if (key in attributes) fail(`duplicate attribute ${key}`);
      attributes[key] = decode(raw, `attribute ${key}`);
      at = end + 1;
    }
    at += 1;
    const element: XmlElement = { name, attributes, children: [], text: '' };
    for (;;) {
      const next = text.indexOf('<', at);
      if (next === -1) fail(`unclosed <${name}>`);
      element.text += decode(text.slice(at, next), `text of <${name}>`);
      at = next;
      if (text.startsWith('</', at)) {
        at += 2;
        if (!text.startsWith(`${name}>`, at)) fail(`mismatched closing tag for <${name}>`);
        at += name.length + 1;
        return element;
      }
      element.children.push(readElement());
    }
  }
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(text);
  if (!declaration) fail('expected the XML declaration');
  at = declaration![0].length;
  const root = readElement();
  skipSpace();
  if (at !== text.length) fail('content after the root element');
  return root;
}

/** Every descendant element with this name, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
