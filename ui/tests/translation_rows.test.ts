import { describe, expect, it } from "vitest";
import { offersMarkUpToDate, rowId, shownStatus, stepToWork } from "../src/lib/translation/rows";

const rows = (...needs: boolean[]) => needs.map((needsWork) => ({ needsWork }));

describe("jumping to the next row that needs work", () => {
  it("goes forward and back from the current row, wrapping around", () => {
    const list = rows(false, true, false, true, false);
    expect(stepToWork(list, null, 1)).toBe(1);
    expect(stepToWork(list, 1, 1)).toBe(3);
    expect(stepToWork(list, 3, 1)).toBe(1);
    expect(stepToWork(list, null, -1)).toBe(3);
    expect(stepToWork(list, 3, -1)).toBe(1);
    expect(stepToWork(list, 1, -1)).toBe(3);
  });

  it("stays on the only row that needs work and says none when nothing does", () => {
    expect(stepToWork(rows(false, true), 1, 1)).toBe(1);
    expect(stepToWork(rows(false, false), null, 1)).toBeNull();
    expect(stepToWork([], null, -1)).toBeNull();
  });
});

describe("when Mark up to date is offered", () => {
  it("only while outdated and every change was handled", () => {
    expect(offersMarkUpToDate({ state: "outdated", allHandled: true })).toBe(true);
    expect(offersMarkUpToDate({ state: "outdated", allHandled: false })).toBe(false);
    // Marked minor: no longer outdated, nothing to mark.
    expect(offersMarkUpToDate({ state: "done", allHandled: false })).toBe(false);
    expect(offersMarkUpToDate({ state: "in-review", allHandled: false })).toBe(false);
  });

  it("the status control says outdated truthfully", () => {
    expect(shownStatus({ state: "outdated", recordedStatus: "done" })).toBe("outdated");
    expect(shownStatus({ state: "in-review", recordedStatus: "in-review" })).toBe("in-review");
  });

  it("rows have stable names", () => {
    expect(rowId({ part: "title", index: null })).toBe("title");
    expect(rowId({ part: "paragraph", index: 4 })).toBe("p4");
  });
});
