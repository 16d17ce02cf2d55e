// Drawing the core's diff: the UI never compares texts itself, it only lays out the hunks.
import type { DiffView, ParagraphView, SpanView } from "../../ipc";
import { t, tCount } from "../../i18n";

export interface SideBySideRow {
  kind: ParagraphView["kind"];
  /** All spans in order, for the inline view. */
  spans: SpanView[];
  /** Spans for the old column (equal + delete) and the new column (equal + insert). */
  old: SpanView[];
  new: SpanView[];
  /** Index among the changed rows, for next/previous change; null for context. */
  change: number | null;
}

export interface DrawnHunk {
  rows: SideBySideRow[];
}

/** The hunks as rows, each changed paragraph numbered in order. */
export function drawHunks(diff: DiffView): DrawnHunk[] {
  let changes = 0;
  return diff.hunks.map((hunk) => ({
    rows: hunk.paragraphs.map((paragraph) => ({
      kind: paragraph.kind,
      spans: paragraph.spans,
      old: paragraph.spans.filter((span) => span.kind !== "insert"),
      new: paragraph.spans.filter((span) => span.kind !== "delete"),
      change: paragraph.kind === "unchanged" ? null : changes++,
    })),
  }));
}

/** How many changed paragraphs the drawn hunks hold. */
export function changeCount(hunks: DrawnHunk[]): number {
  return hunks.reduce((n, hunk) => n + hunk.rows.filter((row) => row.change !== null).length, 0);
}

/** The next (or previous) change from `current`, wrapping around; null when there are none. */
export function stepChange(current: number | null, count: number, step: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

/** The text an inline view shows for a span: the old words of a delete, the new otherwise. */
export function inlineText(span: SpanView): string {
  return span.kind === "delete" ? span.old : span.new;
}

/** Picking versions: the two most recent clicks, a click on a picked one unpicks it. */
export function pick(picked: readonly number[], id: number): number[] {
  if (picked.includes(id)) return picked.filter((p) => p !== id);
  return [...picked, id].slice(-2);
}

/** The diff's counts in the UI language ("+3 words, −1 word, 2 paragraphs changed"), or how
 * many details changed when the body did not. */
export function diffSummary(diff: DiffView): string {
  const bodySame = diff.wordsAdded === 0 && diff.wordsRemoved === 0 && diff.paragraphsChanged === 0;
  if (bodySame && diff.fields.length > 0) {
    return t("diffOnlyFields", { fields: tCount("diffFields", diff.fields.length) });
  }
  return t("diffSummaryLine", {
    added: tCount("diffWords", diff.wordsAdded),
    removed: tCount("diffWords", diff.wordsRemoved),
    paragraphs: tCount("diffParagraphs", diff.paragraphsChanged),
  });
}
