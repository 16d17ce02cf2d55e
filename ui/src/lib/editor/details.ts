// The Details form folds to one summary line (title, section, week, authors) so the text
// starts near the top of a small window; whether it is open is the person's choice, kept
// between runs (localStorage), and it starts folded.
import type { DraftView } from "../../ipc";
import { rememberFlag, rememberedFlag } from "../shell/remembered";

const OPEN_KEY = "galley.details.open";

export function detailsWereOpen(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): boolean {
  return rememberedFlag(OPEN_KEY, storage);
}

export function rememberDetailsOpen(
  open: boolean,
  storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage,
): void {
  rememberFlag(OPEN_KEY, open, storage);
}

/** The folded form's line after the title: the filled-in fields, in the form's order. */
export function detailsFacts(view: Pick<DraftView, "section" | "issue" | "authors">, sectionName: (key: string) => string): string[] {
  return [view.section ? sectionName(view.section) : null, view.issue, view.authors.join(", ") || null].filter(
    (fact): fact is string => fact !== null && fact !== "",
  );
}
