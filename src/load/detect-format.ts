export type SpecFormat = 'oas2' | 'oas3.0' | 'oas3.1' | 'oas3.2' | 'asyncapi2' | 'asyncapi3';


export type Detection =
  | { ok: true; format: SpecFormat }
  | { ok: false; field?: string; problem: string };

function versionOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  // An unquoted `swagger: 2.0` parses as a number; Spectral accepts it, so do we.
  if (typeof value === 'number') return String(value);
  return undefined;
}

function detectOpenApi(version: string): Detection {
  if (/^3\.0(\.\d+)?$/.test(version)) return { ok: true, format: 'oas3.0' };
  if (/^3\.1(\.\d+)?$/.test(version)) return { ok: true, format: 'oas3.1' };
  if (/^3\.2(\.\d+)?$/.test(version)) return { ok: true, format: 'oas3.2' };
  return {
    ok: false,
    field: 'openapi',
    problem: `unsupported OpenAPI version "${version}" (apigov reads Swagger 2.0 and OpenAPI 3.0, 3.1, 3.2)`,
  };
}

/** Tells which kind of API description a parsed document is, from its version field. */
export function detectFormat(data: unknown): Detection {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const kind = Array.isArray(data) ? 'a list' : data === null ? 'empty' : `a ${typeof data}`;
    return { ok: false, problem: `not an API description: the document is ${kind}, not a mapping` };
  }
  const root = data as Record<string, unknown>;
  const versionFields = ['openapi', 'swagger', 'asyncapi'].filter((field) => Object.hasOwn(root, field));
  if (versionFields.length > 1) {
    // Tools disagree on which field wins; linting one reading while another tool reads the other is how checks get bypassed.
    return { ok: false, field: versionFields[1], problem: `ambiguous API description: both "${versionFields[0]}" and "${versionFields[1]}" at the top level` };
  }
  if ('openapi' in root) {
    const version = versionOf(root.openapi);
    if (version === undefined) return { ok: false, field: 'openapi', problem: '"openapi" must be a version string such as "3.1.0"' };
    return detectOpenApi(version);
  }
  if ('swagger' in root) {
    const version = versionOf(root.swagger);
    if (version === '2.0') return { ok: true, format: 'oas2' };
    // Only a string or number is shown: String() of an arbitrary value can throw (`{toString: null}`).
    if (version === undefined) return { ok: false, field: 'swagger', problem: '"swagger" must be the version string "2.0"' };
    return { ok: false, field: 'swagger', problem: `unsupported Swagger version "${version}" (only "2.0" is an OpenAPI description)` };
  }
  if ('asyncapi' in root) {
    const version = versionOf(root.asyncapi) ?? '';
    if (/^2\.\d+\.\d+$/.test(version)) return { ok: true, format: 'asyncapi2' };
    if (/^3\.\d+\.\d+$/.test(version)) return { ok: true, format: 'asyncapi3' };
    return { ok: false, field: 'asyncapi', problem: `unsupported AsyncAPI version "${version}"` };
  }
  return {
    ok: false,
    problem: 'not an API description: no "openapi", "swagger" or "asyncapi" field at the top level',
  };
}
