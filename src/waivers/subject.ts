import type { OperationRef } from '../governance/operation-pattern.js';

/** What a waiver is matched against: a lint finding or a diff change, reduced to where it is. */
export interface WaiverSubject {
  rule: string;
  /** Absolute path of the file it is in. */
  source: string;
  /** Path in that file's document, when known. */
  location?: readonly (string | number)[];
  operation?: OperationRef;
}

/** Why a finding or change is not counted, as reports show it. */
export interface WaiverNote {
  kind: 'config' | 'inline';
  reason?: string;
  owner?: string;
  expires?: string;
  /** `apigov.yaml waivers[2]` or `api.yaml /paths/~1pets/get/x-apigov-ignore`. */
  declaredAt: string;
}
