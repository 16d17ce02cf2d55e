// Pure rules of the translation editor's rows: where "next"/"previous" jump, when "Mark up to
// date" is offered, and how a row is named. What a row needs (`needsWork`) and whether every
// change was handled (`allHandled`) come from the core; this only walks and reads them.
import type { RowView, TranslationPane } from "../../ipc";

/** The next (`+1`) or previous (`-1`) row that still needs work after `current`, wrapping
 * around; `null` when none does. With no current row, `+1` starts at the top and `-1` at the
 * bottom. */
export function stepToWork(rows: readonly Pick<RowView, "needsWork">[], current: number | null, direction: 1 | -1): number | null {
  const count = rows.length;
  if (count === 0) return null;
  const start = current ?? (direction === 1 ? -1 : count);
  for (let step = 1; step <= count; step += 1) {
    const index = (((start + direction * step) % count) + count) % count;
    if (rows[index]?.needsWork) return index;
  }
  return null;
}

/** "Mark up to date" is offered only while the translation is outdated by its own source and a
 * translator handled every change (a change marked minor no longer outdates it at all). */
export function offersMarkUpToDate(pane: Pick<TranslationPane, "state" | "allHandled">): boolean {
  return pane.state === "outdated" && pane.allHandled;
}

/** The status the control shows: "outdated" wins over the recorded status, as everywhere. */
export function shownStatus(pane: Pick<TranslationPane, "state" | "recordedStatus">): string {
  return pane.state === "outdated" ? "outdated" : pane.recordedStatus;
}

/** A stable name for a row within one view (title, lead, p3). */
export function rowId(row: Pick<RowView, "part" | "index">): string {
  return row.part === "paragraph" ? `p${row.index ?? 0}` : row.part;
}
