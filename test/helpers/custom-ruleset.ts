/**
 * A small architect's ruleset for CLI tests: YAML with two custom JS functions (one taking a
 * house option through x-apigov-option) and one core function, so the tests exercise the
 * bundler path real users take.
 */
export const CUSTOM_RULESET = `functionsDir: ./functions
functions: [has-owner, tag-style]
rules:
  acme-owner:
    description: Every operation names its owning team in x-owner.
    x-rationale: On-call needs to know whom to page when an endpoint breaks.
    message: '{{error}}'
    severity: warn
    given: $.paths[*][get,put,post,delete,patch]
    then:
      function: has-owner
  acme-summary-period:
    description: Operation summaries do not end with a period.
    severity: info
    given: $.paths[*][*].summary
    then:
      function: pattern
      functionOptions:
        notMatch: "\\\\.$"
  acme-tag-style:
    description: Tag names are <lower> or UPPER case, as the house option tagStyle says.
    message: '{{error}}'
    severity: warn
    x-apigov-option: tagStyle
    given: $.tags[*].name
    then:
      function: tag-style
      functionOptions:
        tagStyle: lower
`;

export const CUSTOM_FUNCTIONS: Record<string, string> = {
  'functions/has-owner.js': `export default (operation, _options, context) =>
  operation && typeof operation === 'object' && !operation['x-owner']
    ? [{ message: \`\${String(context.path[context.path.length - 1]).toUpperCase()} operation names no owning team.\` }]
    : [];
`,
  'functions/tag-style.js': `export default (name, options) => {
  const styled = options.tagStyle === 'upper' ? name.toUpperCase() : name.toLowerCase();
  return name === styled ? [] : [{ message: \`Tag "\${name}" is not \${options.tagStyle} case.\` }];
};
`,
};

/** An OpenAPI 3.0 spec with /pets get (summary given) and post. */
export function petsSpec({ getSummary = 'List pets', getOwner = true, postOwner = false, tags = ['pets'] } = {}): string {
  return `openapi: 3.0.3
info:
  title: Pets
  version: 1.0.0
tags:
${tags.map((tag) => `  - name: ${tag}`).join('\n')}
paths:
  /pets:
    get:
      summary: ${getSummary}
${getOwner ? '      x-owner: pets-team\n' : ''}      responses:
        '200':
          description: The pets.
    post:
${postOwner ? '      x-owner: pets-team\n' : ''}      responses:
        '201':
          description: Created.
`;
}
