// Where the app opens: the Role setting chooses the view each role starts its work in. Pure, so
// it is tested without the app.
import type { Commentary, LanguageState, RoleTag } from "../../ipc";
import { groupByIssue } from "../library";

export type StartView =
  | { kind: "editor"; id: string; lang: string }
  | { kind: "translation"; id: string; lang: string }
  | { kind: "board"; week: string }
  | { kind: "none" };

/** Translations that still need their translator, most urgent first. */
const TRANSLATOR_WORK: readonly LanguageState[] = ["outdated", "in-progress", "in-review", "done"];

/**
 * The first view for `role`, from the library (newest issue first): an author's newest
 * commentary in the editor; a translator's translation that most needs work, beside its source;
 * an editor's newest issue on the board. A role whose view has nothing to show falls back to
 * the newest commentary in the editor. "First" is as the library shows them: `sectionOrder`
 * (the workspace's sections) orders each issue.
 */
export function startView(role: RoleTag, listed: readonly Commentary[], sectionOrder: readonly string[] = []): StartView {
  const commentaries = groupByIssue(listed, sectionOrder).flatMap((issue) => issue.sections.flatMap((s) => s.commentaries));
  if (role === "editor") {
    const week = commentaries.find((c) => c.issue !== null)?.issue;
    if (week) return { kind: "board", week };
  }
  if (role === "translator") {
    const translation = firstTranslation(commentaries);
    if (translation) return { kind: "translation", ...translation };
  }
  const newest = commentaries.find((c) => c.versions.some((v) => v.lang === c.sourceLang && !v.inConflict));
  return newest ? { kind: "editor", id: newest.id, lang: newest.sourceLang } : { kind: "none" };
}

function firstTranslation(commentaries: readonly Commentary[]): { id: string; lang: string } | null {
  for (const wanted of TRANSLATOR_WORK) {
    for (const commentary of commentaries) {
      const found = commentary.states.find(
        (s) => s.state === wanted && commentary.versions.some((v) => v.lang === s.lang && !v.inConflict),
      );
      if (found) return { id: commentary.id, lang: found.lang };
    }
  }
  return null;
}
