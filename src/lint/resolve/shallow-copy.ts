/**
 * The copy immer makes of an object it changes, made the same way so that the resolved tree is
 * the same down to property order and hidden properties: arrays sliced; objects rebuilt from all
 * own property descriptors (including non-enumerable and symbol keys, such as the key order the
 * YAML parser attaches), made writable, on the same prototype. The copy is a plain object, so an
 * ordered-object proxy's integer-like keys come first in it, as they do in Spectral's output.
 */
export function shallowCopy(base: object): object {
  if (Array.isArray(base)) return Array.prototype.slice.call(base);
  if (isSimpleObject(base)) return { ...base };
  const descriptors = Object.getOwnPropertyDescriptors(base) as Record<PropertyKey, PropertyDescriptor>;
  for (const key of Reflect.ownKeys(descriptors)) {
    const descriptor = descriptors[key as string];
    if (descriptor.writable === false) {
      descriptor.writable = true;
      descriptor.configurable = true;
    }
    if (descriptor.get || descriptor.set) {
      descriptors[key as string] = { configurable: true, writable: true, enumerable: descriptor.enumerable, value: (base as Record<PropertyKey, unknown>)[key as string] };
    }
  }
  return Object.create(Object.getPrototypeOf(base), descriptors) as object;
}

/**
 * An object whose spread copy is exactly the descriptor copy: on Object's prototype, with only
 * enumerable string keys (a proxy of the YAML parser shows its order symbol, so never is one).
 * JSON.parse's objects are; spreading them is several times faster.
 */
function isSimpleObject(base: object): boolean {
  return Object.getPrototypeOf(base) === Object.prototype && Object.getOwnPropertySymbols(base).length === 0 && Object.getOwnPropertyNames(base).length === Object.keys(base).length;
}

/** What immer will draft (and so copy on change): plain objects and arrays. */
export function isPlainContainer(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null) return true;
  const ctor = Object.prototype.hasOwnProperty.call(proto, 'constructor') && (proto as { constructor: unknown }).constructor;
  if (ctor === Object) return true;
  return typeof ctor === 'function' && Function.prototype.toString.call(ctor) === OBJECT_SOURCE;
}

const OBJECT_SOURCE = Function.prototype.toString.call(Object);
