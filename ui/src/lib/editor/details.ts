// The Details form folds to one summary line (title, section, week, authors) so the text
// starts near the top of a small window; whether it is open is the person's choice, kept
// between runs (localStorage), and it starts folded.
import type { DraftView } from "../../ipc";

const OPEN_KEY = "galley.details.open";

export function detailsWereOpen(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(OPEN_KEY) === "1";
  } catch {
    return false; // storage unavailable: start folded
  }
}

export function rememberDetailsOpen(
  open: boolean,
  storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(OPEN_KEY, open ? "1" : "0");
  } catch {
    // Not remembered this time; the form still opens and folds.
  }
}

/** The folded form's line after the title: the filled-in fields, in the form's order. */
export function detailsFacts(view: Pick<DraftView, "section" | "issue" | "authors">, sectionName: (key: string) => string): string[] {
  return [view.section ? sectionName(view.section) : null, view.issue, view.authors.join(", ") || null].filter(
    (fact): fact is string => fact !== null && fact !== "",
  );
}
