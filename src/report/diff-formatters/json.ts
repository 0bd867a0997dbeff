import type { DiffFormatter } from './types.js';

/** The PRODUCT.md shape: {changes:[{id, level, direction, operation, path, message, base, revision}], summary, semver}. */
export const diffJson: DiffFormatter = (report) => {
  const changes = report.changes.map((c) => ({
    id: c.id,
    level: c.level,
    direction: c.direction,
    operation: c.operation ?? null,
    path: c.path,
    message: c.message,
    base: c.base ?? null,
    revision: c.revision ?? null,
  }));
  return `${JSON.stringify({ base: report.base, revision: report.revision, changes, summary: report.summary, semver: report.semver }, null, 2)}\n`;
};
