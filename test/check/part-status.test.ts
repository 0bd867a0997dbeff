import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { appliesTo, partStatuses } from '../../src/check/part-status.js';

const BASE = YAML.parse(`
openapi: 3.0.3
info: {title: T, version: 1.0.0}
paths:
  /pets:
    parameters: [{name: tenant, in: header, schema: {type: string}}]
    get: {operationId: listPets, responses: {'200': {description: ok}}}
    post: {operationId: addPet, responses: {'201': {description: ok}}}
components:
  schemas:
    Pet: {type: object}
`);

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('parts of a spec, base versus head', () => {
  it('a spec that is only reformatted (keys reordered) has no changed part', () => {
    const head = YAML.parse(JSON.stringify({ components: BASE.components, paths: { '/pets': { post: BASE.paths['/pets'].post, get: BASE.paths['/pets'].get, parameters: BASE.paths['/pets'].parameters } }, info: BASE.info, openapi: BASE.openapi }));
    const status = partStatuses(BASE, head);
    for (const location of [[], ['info'], ['paths', '/pets'], ['paths', '/pets', 'get', 'responses'], ['components', 'schemas', 'Pet', 'type']]) expect(status(location)).toBe('unchanged');
  });

  it('an edited operation is changed, its sibling is not; a new operation, path and component are added', () => {
    const head = clone(BASE);
    head.paths['/pets'].get.summary = 'List pets';
    head.paths['/pets'].put = { responses: { '200': { description: 'ok' } } };
    head.paths['/owners'] = { get: { responses: { '200': { description: 'ok' } } } };
    head.components.schemas.Owner = { type: 'object' };
    const status = partStatuses(BASE, head);
    expect(status(['paths', '/pets', 'get', 'summary'])).toBe('changed');
    expect(status(['paths', '/pets', 'post'])).toBe('unchanged');
    expect(status(['paths', '/pets', 'put'])).toBe('added');
    expect(status(['paths', '/owners'])).toBe('added');
    expect(status(['paths', '/owners', 'get'])).toBe('added');
    expect(status(['components', 'schemas', 'Owner'])).toBe('added');
    expect(status(['components', 'schemas', 'Pet'])).toBe('unchanged');
    // Adding operations and components leaves the document part (info, servers...) untouched.
    expect(status(['info'])).toBe('unchanged');
    expect(status(['paths', '/pets'])).toBe('unchanged');
  });

  it('path-level parameters belong to the path item, info to the document', () => {
    const head = clone(BASE);
    head.paths['/pets'].parameters[0].required = true;
    head.info.version = '1.1.0';
    const status = partStatuses(BASE, head);
    expect(status(['paths', '/pets', 'parameters', 0])).toBe('changed');
    expect(status(['paths', '/pets', 'get'])).toBe('unchanged');
    expect(status(['info', 'version'])).toBe('changed');
  });

  it('Swagger 2.0 definitions are components; without a base everything is added', () => {
    const base = { swagger: '2.0', info: { title: 'T', version: '1' }, paths: {}, definitions: { Pet: { type: 'object' }, Owner: { type: 'object' } } };
    const head = clone(base);
    head.definitions.Pet = { type: 'object', properties: { id: { type: 'string' } } } as { type: string };
    const status = partStatuses(base, head);
    expect(status(['definitions', 'Pet', 'properties'])).toBe('changed');
    expect(status(['definitions', 'Owner'])).toBe('unchanged');
    expect(partStatuses(undefined, head)(['definitions', 'Owner'])).toBe('added');
  });

  it('applies: always judges everything, changed judges new and changed parts, added only new ones', () => {
    expect(['added', 'changed', 'unchanged'].map((s) => appliesTo('always', s as never))).toEqual([true, true, true]);
    expect(['added', 'changed', 'unchanged'].map((s) => appliesTo('changed', s as never))).toEqual([true, true, false]);
    expect(['added', 'changed', 'unchanged'].map((s) => appliesTo('added', s as never))).toEqual([true, false, false]);
  });
});
