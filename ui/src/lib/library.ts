import type { Commentary } from "../ipc";

export interface SectionGroup {
  section: string | null;
  commentaries: Commentary[];
}

export interface IssueGroup {
  issue: string | null;
  sections: SectionGroup[];
}

/** Groups commentaries by issue week, then section, keeping the order the core gave. */
export function groupByIssue(commentaries: readonly Commentary[]): IssueGroup[] {
  const issues: IssueGroup[] = [];
  for (const commentary of commentaries) {
    let issue = issues.find((group) => group.issue === commentary.issue);
    if (!issue) {
      issue = { issue: commentary.issue, sections: [] };
      issues.push(issue);
    }
    let section = issue.sections.find((group) => group.section === commentary.section);
    if (!section) {
      section = { section: commentary.section, commentaries: [] };
      issue.sections.push(section);
    }
    section.commentaries.push(commentary);
  }
  return issues;
}

/** Which of the workspace's languages a commentary has, in the workspace's order. */
export function languageBadges(
  commentary: Commentary,
  languages: readonly string[],
): { lang: string; present: boolean }[] {
  const present = new Set(commentary.versions.map((version) => version.lang));
  const extra = [...present].filter((lang) => !languages.includes(lang));
  return [...languages, ...extra].map((lang) => ({ lang, present: present.has(lang) }));
}
