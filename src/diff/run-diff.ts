import { jsonPointer } from '../json-pointer.js';
import type { DiffContext, Where } from './context.js';
import type { ApiModel } from './model.js';
import { API_CHECKS, OPERATION_CHECKS, RELEASE_CHECKS, SCHEMA_CHECKS } from './registry.js';
import { SchemaViews } from './schema-view.js';
import { LEVEL_RANK, type Change } from './types.js';
import { SchemaWalker } from './walk.js';
import { compareText } from '../text-order.js';

const pathText = (where: Where) => where.path.join('.');

function ownerTables() {
  const tables = new Map<string, { level: Change['level']; direction: Change['direction'] }>();
  for (const check of [...API_CHECKS, ...OPERATION_CHECKS, ...RELEASE_CHECKS]) for (const [id, info] of check.ids) tables.set(id, info);
  return tables;
}

export function compareChanges(a: Change, b: Change): number {
  return (
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    compareText(a.operation ?? '', b.operation ?? '') ||
    compareText(a.path, b.path) ||
    compareText(a.id, b.id) ||
    compareText(a.message, b.message)
  );
}

/** Compares two models with every registered check; the result is sorted, breaking first. */
export function diffModels(base: ApiModel, revision: ApiModel, today: string): Change[] {
  const changes: Change[] = [];
  const ids = ownerTables();
  const walker = new SchemaWalker({ base: new SchemaViews(base.refs), revision: new SchemaViews(revision.refs) }, SCHEMA_CHECKS);
  const context: DiffContext = {
    base,
    revision,
    today,
    emit(id, where, message, before, after) {
      const info = ids.get(id);
      if (!info) throw new Error(`check emitted undeclared id ${id}`);
      changes.push({ id, ...info, operation: where.operation, path: pathText(where), pointer: jsonPointer(where.path), message, base: before, revision: after });
    },
    compareSchemas(before, after, direction, location, where) {
      for (const change of walker.compare(before, after, direction, location)) {
        const at = change.at.length > 0 ? `/${change.at.join('/')}` : '';
        changes.push({ id: change.id, level: change.level, direction: change.direction, operation: where.operation, path: `${pathText(where)}${at}`, pointer: jsonPointer(where.path), message: at ? `${at}: ${change.message}` : change.message, base: change.base, revision: change.revision });
      }
    },
  };
  for (const check of API_CHECKS) check.compare(base, revision, context);
  for (const [key, before] of base.operations) {
    const after = revision.operations.get(key);
    if (after) for (const check of OPERATION_CHECKS) check.compare(before, after, context);
  }
  const found = [...changes];
  for (const check of RELEASE_CHECKS) check.compare(base, revision, found, context);
  return changes.sort(compareChanges);
}
