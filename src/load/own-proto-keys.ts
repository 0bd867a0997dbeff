const original = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__')!;

// While a parser builds data, `target.__proto__ = value` defines an own property, as JSON.parse
// does, instead of replacing the object's prototype.
const ownPropertySetter: PropertyDescriptor = {
  configurable: true,
  enumerable: false,
  get: original.get,
  set(this: object, value: unknown) {
    Object.defineProperty(this, '__proto__', { value, writable: true, enumerable: true, configurable: true });
  },
};

/**
 * Runs a synchronous parse during which a `__proto__` key becomes an ordinary own property.
 * Spectral's YAML parser assigns keys with `container[key] = value`, so `__proto__:` in a spec
 * would swap the object's prototype — wrong data, and a crash in its ordered-object proxy. The
 * swap is synchronous and undone before returning, so no other code ever sees it; it is only
 * made when the text contains the key at all.
 */
export function parseWithOwnProtoKeys<T>(text: string, parse: () => T): T {
  if (!text.includes('__proto__')) return parse();
  Object.defineProperty(Object.prototype, '__proto__', ownPropertySetter);
  try {
    return parse();
  } finally {
    Object.defineProperty(Object.prototype, '__proto__', original);
  }
}
