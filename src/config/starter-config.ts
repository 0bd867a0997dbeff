/**
 * The commented apigov.yaml `apigov init` writes. Everything optional is shown commented out with
 * a real example, so the file teaches the format and still validates as written.
 */
export function starterConfig(specs: readonly string[]): string {
  const specLines = (specs.length > 0 ? specs : ['openapi.yaml']).map((spec) => `  - ${JSON.stringify(spec)}`).join('\n');
  return `# apigov configuration; every key is described in apigov's README.md, section "apigov.yaml".
# Paths and globs are relative to this file.

# The API descriptions \`apigov lint\` and \`apigov check\` look at when given no arguments.
specs:
${specLines}

# One ruleset or a list: apigov:recommended, apigov:naming|versioning|security|design,
# spectral:oas, a ruleset file, or an installed npm package. Later ones win on the same rule id.
ruleset: apigov:recommended

# Per rule: a severity (error | warn | info | hint | off), or {severity, applies}.
# applies says which parts \`apigov check\` judges the rule in: changed (default: operations and
# components that are new or changed versus the base branch), added (new ones only), always.
rules: {}
#  info-contact: error
#  apigov-operation-summary: {severity: warn, applies: always}

# House-rule settings: casing (camel | snake | kebab | pascal), versioning (any | path | server |
# header | media-type).
options: {}

# Severities for some files or some parts of a spec; a later override wins.
overrides: []
#  - files: ["legacy/**"]
#    rules: {apigov-path-kebab-case: off}
#  - operations: ["* /internal/**"]        # or pointers: ["/paths/~1internal"]
#    rules: {apigov-operation-security-defined: off}

# How \`apigov check\` judges API changes against the base branch.
diff:
  fail-on: error                 # error (breaking) | warn | info
  rules: {}                      # per change id: error | warn | info | off
  profiles: {}
#    strict:                     # e.g. public APIs: warnings fail too
#      specs: ["public/**/*.yaml"]
#      fail-on: warn

# Dated, owned exceptions. An expired waiver fails the run; an unused one is a warning.
waivers: []
#  - rule: apigov-rate-limit-responses
#    operation: GET /pets                 # or path: /paths/~1pets/get (a JSON pointer)
#    reason: rate limiting is done by the gateway until Q3
#    owner: team-pets
#    expires: 2026-09-30

# Known findings that do not fail the build; record them with --update-baseline.
baseline: .apigov-baseline.json
`;
}
