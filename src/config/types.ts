import type { Locator } from '../load/yaml-positions.js';

export const CASING_STYLES = ['camel', 'snake', 'kebab', 'pascal'] as const;
export type CasingStyle = (typeof CASING_STYLES)[number];

export const VERSIONING_STRATEGIES = ['any', 'path', 'server', 'header', 'media-type'] as const;
export type VersioningStrategy = (typeof VERSIONING_STRATEGIES)[number];

/** Settings the house rulesets read, so architects tune them without copying rules. */
export interface HouseOptions {
  casing?: CasingStyle;
  versioning?: VersioningStrategy;
}

export const RULE_SETTINGS = ['error', 'warn', 'info', 'hint', 'off'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

/**
 * Which parts of a spec `apigov check` judges a rule in: every part, parts that are new or
 * changed versus the base, or only new parts.
 */
export const APPLIES_VALUES = ['always', 'changed', 'added'] as const;
export type Applies = (typeof APPLIES_VALUES)[number];
export const DEFAULT_APPLIES: Applies = 'changed';

export const DIFF_LEVELS = ['error', 'warn', 'info'] as const;
export type DiffLevel = (typeof DIFF_LEVELS)[number];
export const DIFF_SETTINGS = [...DIFF_LEVELS, 'off'] as const;
export type DiffSetting = (typeof DIFF_SETTINGS)[number];

/** Rule severities for findings in some files and/or some parts of a spec, like Spectral's overrides. */
export interface RuleOverride {
  /** Position in `overrides:`, for messages. */
  index: number;
  /** Absolute paths or globs, resolved against the config file's folder; empty = every file. */
  files: string[];
  /** JSON pointers (`*` matches one segment); the override covers findings at or under them. */
  pointers: string[];
  /** `GET /pets`, `* /admin/**`: findings inside matching operations. */
  operations: string[];
  rules: Record<string, RuleSetting>;
}

/** How `apigov check` judges breaking changes: the lowest failing level and per-check levels. */
export interface DiffPolicy {
  failOn: DiffLevel;
  rules: Record<string, DiffSetting>;
}

/** A named diff policy (e.g. `strict` for public APIs), picked by spec glob or `--profile`. */
export interface DiffProfile {
  name: string;
  /** Absolute paths or globs; empty = chosen only with --profile. */
  specs: string[];
  failOn?: DiffLevel;
  rules: Record<string, DiffSetting>;
}

/** A dated, owned exception: findings of `rule` at `path` or in `operation` are not counted. */
export interface Waiver {
  index: number;
  rule: string;
  /** JSON pointer; the waiver covers findings at or under it. */
  path?: string;
  /** `GET /pets`. */
  operation?: string;
  /** Absolute paths or globs of the specs it is limited to; empty = every spec. */
  specs: string[];
  reason: string;
  owner: string;
  /** YYYY-MM-DD, the last day the waiver holds. */
  expires: string;
}

export interface ApigovConfig {
  /** Absolute path of the apigov.yaml it came from. */
  file: string;
  /** One ruleset or several (later ones win on the same rule id); relative files resolved. */
  ruleset?: string | string[];
  /** Absolute paths or globs, resolved against the config file's folder. */
  specs: string[];
  rules: Record<string, RuleSetting>;
  /** `rules.<id>.applies`, for rules that set it. */
  applies: Record<string, Applies>;
  options: HouseOptions;
  overrides: RuleOverride[];
  diff: DiffPolicy & { profiles: DiffProfile[] };
  waivers: Waiver[];
  /** Absolute path of the baseline file, when set. */
  baseline?: string;
  /** `ref-root:` (absolute): the folder `$ref`ed files are confined to, unless --ref-root says otherwise. */
  refRoot?: string;
  /** Where a key path is in the file, for messages about it after loading. */
  locate: Locator;
}
