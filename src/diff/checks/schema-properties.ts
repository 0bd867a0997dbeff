import type { SchemaView } from '../schema-view.js';
import type { SchemaCheck, SchemaCheckContext } from '../walk.js';
import { idTable } from './define.js';

const IDS = idTable([
  'request-property-removed',
  'new-required-request-property',
  'new-required-request-property-with-default',
  'new-optional-request-property',
  'request-property-became-required',
  'request-property-became-required-with-default',
  'request-property-became-optional',
  'response-required-property-removed',
  'response-optional-property-removed',
  'response-required-write-only-property-removed',
  'response-optional-write-only-property-removed',
  'response-required-property-added',
  'response-optional-property-added',
  'response-required-write-only-property-added',
  'response-optional-write-only-property-added',
  'response-property-became-optional',
  'response-write-only-property-became-optional',
  'response-property-became-required',
  'response-write-only-property-became-required',
]);

function requestSide(base: SchemaView, revision: SchemaView, { emit, views }: SchemaCheckContext): void {
  for (const [name, raw] of base.properties) {
    if (!revision.properties.has(name) && !views.base.of(raw).readOnly) emit('request-property-removed', `property ${name} removed`, name, undefined, [name]);
  }
  for (const [name, raw] of revision.properties) {
    const property = views.revision.of(raw);
    if (property.readOnly) continue; // clients never send it
    const required = revision.required.has(name);
    const withDefault = property.hasDefault ? '-with-default' : '';
    const before = base.properties.get(name);
    // A readOnly property turning writable is new to senders: schema-mutability reports it.
    if (before !== undefined && views.base.of(before).readOnly) continue;
    if (before === undefined) {
      emit(required ? `new-required-request-property${withDefault}` : 'new-optional-request-property', `${required ? 'required' : 'optional'} property ${name} added`, undefined, name, [name]);
    } else if (required && !base.required.has(name)) {
      emit(`request-property-became-required${withDefault}`, `property ${name} became required`, false, true, [name]);
    } else if (!required && base.required.has(name)) {
      emit('request-property-became-optional', `property ${name} became optional`, true, false, [name]);
    }
  }
}

function responseSide(base: SchemaView, revision: SchemaView, { emit, views }: SchemaCheckContext): void {
  for (const [name, raw] of base.properties) {
    if (revision.properties.has(name)) continue;
    const writeOnly = views.base.of(raw).writeOnly ? '-write-only' : '';
    const required = base.required.has(name) ? 'required' : 'optional';
    emit(`response-${required}${writeOnly}-property-removed`, `${required} property ${name} removed`, name, undefined, [name]);
  }
  for (const [name, raw] of revision.properties) {
    const required = revision.required.has(name) ? 'required' : 'optional';
    const writeOnly = views.revision.of(raw).writeOnly ? '-write-only' : '';
    const before = base.properties.get(name);
    if (before === undefined) {
      emit(`response-${required}${writeOnly}-property-added`, `${required} property ${name} added`, undefined, name, [name]);
      continue;
    }
    // A writeOnly property turning readable is new to readers: schema-mutability reports it.
    if (views.base.of(before).writeOnly && !writeOnly) continue;
    if (required === 'optional' && base.required.has(name)) {
      emit(`response${writeOnly}-property-became-optional`, `property ${name} became optional`, true, false, [name]);
    } else if (required === 'required' && !base.required.has(name)) {
      emit(`response${writeOnly}-property-became-required`, `property ${name} became required`, false, true, [name]);
    }
  }
}

/**
 * Object properties in bodies. A request that must now send a new or newly required property
 * breaks every existing client; a response that drops a property, or stops promising it, breaks
 * the clients reading it. readOnly properties are not sent and writeOnly ones not returned.
 */
export const schemaProperties: SchemaCheck = {
  name: 'schema-properties',
  description: 'Object properties added, removed, made required or optional, by direction.',
  ids: IDS,
  compare(base, revision, context) {
    if (context.location !== 'body' && context.location !== 'property') return;
    if (context.direction === 'request') requestSide(base, revision, context);
    else responseSide(base, revision, context);
  },
};
