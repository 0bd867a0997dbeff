import { apiVersion } from './checks/api-version.js';
import { endpoints } from './checks/endpoints.js';
import { lifecycle } from './checks/lifecycle.js';
import { parameters } from './checks/parameters.js';
import { requestBody } from './checks/request-body.js';
import { responseHeaders } from './checks/response-headers.js';
import { responses } from './checks/responses.js';
import { schemaAdditionalProperties } from './checks/schema-additional-properties.js';
import { schemaBounds } from './checks/schema-bounds.js';
import { schemaComposition } from './checks/schema-composition.js';
import { schemaConst } from './checks/schema-const.js';
import { schemaDefault } from './checks/schema-default.js';
import { schemaDiscriminator } from './checks/schema-discriminator.js';
import { schemaEnum } from './checks/schema-enum.js';
import { schemaMutability } from './checks/schema-mutability.js';
import { schemaNullable } from './checks/schema-nullable.js';
import { schemaPattern } from './checks/schema-pattern.js';
import { schemaProperties } from './checks/schema-properties.js';
import { schemaType } from './checks/schema-type.js';
import { security } from './checks/security.js';
import type { ApiCheck, OperationCheck, ReleaseCheck } from './context.js';
import type { CheckId } from './types.js';
import type { SchemaCheck } from './walk.js';

/** Every breaking-change check, listed explicitly: one concept per file under checks/. */
export const API_CHECKS: readonly ApiCheck[] = [endpoints];
export const RELEASE_CHECKS: readonly ReleaseCheck[] = [apiVersion];
export const OPERATION_CHECKS: readonly OperationCheck[] = [lifecycle, parameters, requestBody, responses, responseHeaders, security];
export const SCHEMA_CHECKS: readonly SchemaCheck[] = [schemaType, schemaEnum, schemaConst, schemaBounds, schemaPattern, schemaNullable, schemaDefault, schemaProperties, schemaAdditionalProperties, schemaMutability, schemaComposition, schemaDiscriminator];

/** Every id apigov can report, with level and direction, and the check that owns it. */
export function allCheckIds(): Array<CheckId & { check: string; overridden: boolean; description: string }> {
  return [...API_CHECKS, ...OPERATION_CHECKS, ...SCHEMA_CHECKS, ...RELEASE_CHECKS].flatMap((check) =>
    [...check.ids.entries()].map(([id, { level, direction, overridden }]) => ({ id, level, direction, overridden, check: check.name, description: check.description })),
  );
}
