import type { ApiModel, JsonPath, OperationModel, RawSchema } from './model.js';
import type { IdTable } from './checks/define.js';
import type { Change } from './types.js';
import type { SchemaLocation } from './walk.js';

export interface Where {
  operation?: string;
  path: JsonPath;
}

/** What checks above the schema level get: both models, a way to report, and the schema walker. */
export interface DiffContext {
  base: ApiModel;
  revision: ApiModel;
  /** The day sunset dates are judged against (injected so runs are reproducible). */
  today: string;
  emit(id: string, where: Where, message: string, base?: unknown, revision?: unknown): void;
  compareSchemas(base: RawSchema, revision: RawSchema, direction: 'request' | 'response', location: SchemaLocation, where: Where): void;
}

export interface OperationCheck {
  name: string;
  /** One sentence: what the check judges. */
  description: string;
  ids: IdTable;
  compare(base: OperationModel, revision: OperationModel, context: DiffContext): void;
}

export interface ApiCheck {
  name: string;
  description: string;
  ids: IdTable;
  compare(base: ApiModel, revision: ApiModel, context: DiffContext): void;
}


export type { Change };

/** Judges the release as a whole once every other check has run. */
export interface ReleaseCheck {
  name: string;
  description: string;
  ids: IdTable;
  compare(base: ApiModel, revision: ApiModel, changes: readonly Change[], context: DiffContext): void;
}
