import type { Commentary, SectionInfo } from "../ipc";

export interface SectionGroup {
  section: string | null;
  commentaries: Commentary[];
}

export interface IssueGroup {
  issue: string | null;
  sections: SectionGroup[];
}

/**
 * Groups commentaries by issue week (in the order given: newest first), then section, ordering
 * sections as the workspace settings list them (others after, in the order given).
 */
export function groupByIssue(commentaries: readonly Commentary[], sectionOrder: readonly string[] = []): IssueGroup[] {
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
  const rank = (key: string | null) => {
    const index = key === null ? -1 : sectionOrder.indexOf(key);
    return index === -1 ? sectionOrder.length : index;
  };
  for (const issue of issues) {
    // Array.prototype.sort is stable, so unlisted sections keep their order.
    issue.sections.sort((a, b) => rank(a.section) - rank(b.section));
  }
  return issues;
}

/** A section's title in `lang`, falling back to its key. */
export function sectionTitle(key: string, sections: readonly SectionInfo[], lang: string): string {
  return sections.find((section) => section.key === key)?.titles[lang] ?? key;
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
