export const CASING_STYLES = ['camel', 'snake', 'kebab', 'pascal'] as const;
export type CasingStyle = (typeof CASING_STYLES)[number];

export const VERSIONING_STRATEGIES = ['any', 'path', 'server', 'header', 'media-type'] as const;
export type VersioningStrategy = (typeof VERSIONING_STRATEGIES)[number];

/** Settings the house rulesets read, so architects tune them without copying rules. */
export interface HouseOptions {
  casing?: CasingStyle;
  versioning?: VersioningStrategy;
}

export type RuleSetting = 'error' | 'warn' | 'info' | 'hint' | 'off';

export interface ApigovConfig {
  /** Absolute path of the apigov.yaml it came from. */
  file: string;
  ruleset?: string;
  /** Absolute paths or globs, resolved against the config file's folder. */
  specs: string[];
  rules: Record<string, RuleSetting>;
  options: HouseOptions;
}
