/**
 * What GitLab's Code Quality report format requires (docs.gitlab.com/ci/testing/code_quality,
 * "Code Quality report format"): an array of issues, each with a description, a check_name, a
 * fingerprint unique in the report, a severity from GitLab's five, and location.path with
 * location.lines.begin (a line from 1). Returns what is wrong, one line per problem.
 */
export function codeQualityProblems(report: unknown): string[] {
  if (!Array.isArray(report)) return ['the report is not a JSON array'];
  const problems: string[] = [];
  const seen = new Set<string>();
  report.forEach((issue, i) => {
    const at = `[${i}]`;
    const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
    if (!isText(issue?.description)) problems.push(`${at}.description is not a non-empty string`);
    if (!isText(issue?.check_name)) problems.push(`${at}.check_name is not a non-empty string`);
    if (!isText(issue?.fingerprint)) problems.push(`${at}.fingerprint is not a non-empty string`);
    else if (seen.has(issue.fingerprint)) problems.push(`${at}.fingerprint repeats an earlier one`);
    else seen.add(issue.fingerprint);
    if (!['info', 'minor', 'major', 'critical', 'blocker'].includes(issue?.severity)) problems.push(`${at}.severity ${JSON.stringify(issue?.severity)} is not one of GitLab's`);
    if (!isText(issue?.location?.path)) problems.push(`${at}.location.path is not a non-empty string`);
    const begin = issue?.location?.lines?.begin;
    if (!Number.isInteger(begin) || begin < 1) problems.push(`${at}.location.lines.begin ${JSON.stringify(begin)} is not a line number from 1`);
  });
  return problems;
}
