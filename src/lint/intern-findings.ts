import type { Finding } from '../report/finding.js';

/**
 * Findings arrive from worker threads as copies: every one carries its own copy of the file
 * name, the message and each path segment, although a run over many files repeats the same few
 * thousand strings over a million times. Keeping one copy of each is what lets the main thread
 * hold a whole-corpus report.
 */
export function createInterner(): (findings: Finding[]) => Finding[] {
  const strings = new Map<string, string>();
  const intern = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  return (findings) => {
    for (const finding of findings) {
      finding.source = intern(finding.source);
      finding.message = intern(finding.message);
      finding.ruleId = intern(finding.ruleId);
      finding.path = finding.path.map((segment) => (typeof segment === 'string' ? intern(segment) : segment));
    }
    return findings;
  };
}
