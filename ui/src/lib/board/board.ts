// The board's pure rules: where a drag or a section choice moves a commentary (as the core's
// `move_commentary` counts positions; ↑/↓ are the core's `step_commentary`), which editorial statuses can be chosen,
// and how the week and the export's progress read. No IPC here.
import type { BoardView, ExportProgress } from "../../ipc";

/** A move for the core: the section, and the 0-based position counted without the commentary. */
export interface Place {
  section: string;
  position: number;
}

/** Where commentary `id` is: its section's index on the board and its index in that section. */
export function locate(board: BoardView, id: string): { section: number; index: number } | null {
  for (const [section, group] of board.sections.entries()) {
    const index = group.rows.findIndex((row) => row.id === id);
    if (index !== -1) return { section, index };
  }
  return null;
}

/** Dropping `id` before the row at `index` of section `key` (`index` = rows.length: at the end). */
export function dropTarget(board: BoardView, id: string, key: string, index: number): Place {
  const at = locate(board, id);
  const same = at !== null && board.sections[at.section]?.key === key;
  // Counted without the dragged row: a row dropped below its own place lands one higher.
  const position = same && at.index < index ? index - 1 : index;
  return { section: key, position: Math.max(0, position) };
}

/** Moving `id` to section `key` from the section select: the end of that section. */
export function sectionTarget(board: BoardView, id: string, key: string): Place {
  const group = board.sections.find((section) => section.key === key);
  const rows = group?.rows.filter((row) => row.id !== id).length ?? 0;
  return { section: key, position: rows };
}

/** A move that changes nothing is not sent. */
export function isNoMove(board: BoardView, id: string, place: Place): boolean {
  const at = locate(board, id);
  return at !== null && board.sections[at.section]?.key === place.section && at.index === place.position;
}

export const EDITORIAL = ["draft", "in-review", "approved"] as const;
export type Editorial = (typeof EDITORIAL)[number];

/** The catalogue key of each editorial status. */
export const editorialKey = {
  draft: "editorial_draft",
  "in-review": "editorial_in-review",
  approved: "editorial_approved",
} as const satisfies Record<Editorial, string>;

/** "May 18 – May 24, 2020" (English), from ISO dates; the years show when they differ. */
export function weekRange(start: string, end: string, locale: string): string {
  const parse = (iso: string) => new Date(`${iso}T12:00:00Z`);
  const from = parse(start);
  const to = parse(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${start} – ${end}`;
  const day: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", timeZone: "UTC" };
  const withYear: Intl.DateTimeFormatOptions = { ...day, year: "numeric" };
  const sameYear = from.getUTCFullYear() === to.getUTCFullYear();
  const first = new Intl.DateTimeFormat(locale, sameYear ? day : withYear).format(from);
  const last = new Intl.DateTimeFormat(locale, withYear).format(to);
  return `${first} – ${last}`;
}

/** 0–100 for the progress bar. */
export function progressPercent(progress: ExportProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}
