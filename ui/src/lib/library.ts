import type { Commentary, LanguageState, SectionInfo } from "../ipc";

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

/** Each language's state for a commentary, in the workspace's order (others after). */
export function languageBadges(
  commentary: Commentary,
  languages: readonly string[],
): { lang: string; state: LanguageState }[] {
  const present = new Set(commentary.versions.map((version) => version.lang));
  const extra = [...present].filter((lang) => !languages.includes(lang));
  return [...languages, ...extra].map((lang) => {
    const known = commentary.states.find((s) => s.lang === lang)?.state;
    // Without a status from the core, presence alone decides.
    const state: LanguageState = known ?? (present.has(lang) ? "in-progress" : "missing");
    return { lang, state: present.has(lang) || known === undefined ? state : "missing" };
  });
}

/** The status vocabulary's catalogue keys, one per state. */
export const stateKey = {
  source: "state_source",
  missing: "state_missing",
  "in-progress": "state_in_progress",
  "in-review": "state_in_review",
  done: "state_done",
  outdated: "state_outdated",
} as const satisfies Record<LanguageState, string>;
