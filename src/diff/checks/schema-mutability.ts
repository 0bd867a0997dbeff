import type { SchemaView } from '../schema-view.js';
import type { SchemaCheck, SchemaCheckContext } from '../walk.js';
import { idTable } from './define.js';

const FLAGS = [
  { flag: 'readOnly', name: 'read-only' },
  { flag: 'writeOnly', name: 'write-only' },
] as const;

const IDS = ['request', 'response'].flatMap((direction) =>
  ['required', 'optional'].flatMap((required) =>
    FLAGS.flatMap(({ name }) => [`${direction}-${required}-property-became-${name}`, `${direction}-${required}-property-became-not-${name}`]),
  ),
);

/**
 * A property turning readOnly or writeOnly (or back). readOnly properties are not sent, writeOnly
 * ones not returned, so a flip can add or take away a property for one side of the exchange.
 * Which side's `required` list counts: for requests the revision's (what senders must now do),
 * for responses the base's (what readers were promised).
 */
export const schemaMutability: SchemaCheck = {
  name: 'schema-mutability',
  description: 'Properties becoming or ceasing to be readOnly or writeOnly.',
  ids: idTable(IDS, {
    // oasdiff calls these info, but each makes a property appear or vanish for one side:
    // a required property no longer readOnly must now be sent by every client...
    'request-required-property-became-not-read-only': ['error', 'request'],
    // ...and a response property turning writeOnly is no longer returned: the same as removing it
    // (response-required-property-removed is error, response-optional-property-removed warn).
    'response-required-property-became-write-only': ['error', 'response'],
    'response-optional-property-became-write-only': ['warn', 'response'],
  }),
  compare(base, revision, context) {
    if (context.location !== 'body' && context.location !== 'property') return;
    for (const [name, raw] of revision.properties) {
      const before = base.properties.get(name);
      if (before === undefined) continue;
      compareFlags(name, context.views.base.of(before), context.views.revision.of(raw), (context.direction === 'request' ? revision : base).required.has(name), context);
    }
  },
};

function compareFlags(name: string, before: SchemaView, after: SchemaView, required: boolean, { direction, emit }: SchemaCheckContext): void {
  for (const { flag, name: label } of FLAGS) {
    if (before[flag] === after[flag]) continue;
    const id = `${direction}-${required ? 'required' : 'optional'}-property-became-${after[flag] ? '' : 'not-'}${label}`;
    emit(id, `property ${name} ${after[flag] ? 'became' : 'is no longer'} ${flag}`, before[flag], after[flag], [name]);
  }
}
