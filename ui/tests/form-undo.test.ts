import { describe, expect, it } from "vitest";
import { FormUndo, MERGE_MS, undoKey } from "../src/lib/editor/undo";

/** A clock the test moves by hand. */
function clock() {
  let now = 0;
  return { now: () => now, pass: (ms: number) => (now += ms) };
}

const start = { title: "Рэформа", lead: "", issue: "" };

describe("FormUndo", () => {
  it("makes one step of typing in a field without a long pause", () => {
    const time = clock();
    const undo = new FormUndo(start, time.now);
    for (const title of ["Рэформа а", "Рэформа ар", "Рэформа арміі"]) {
      time.pass(200);
      undo.record({ ...start, title }, "title");
    }
    expect(undo.undo()).toEqual(start);
    expect(undo.canUndo).toBe(false);
  });

  it("starts a new step after a pause or in another field", () => {
    const time = clock();
    const undo = new FormUndo(start, time.now);
    undo.record({ ...start, title: "A" }, "title");
    time.pass(MERGE_MS + 1);
    undo.record({ ...start, title: "AB" }, "title");
    time.pass(10);
    undo.record({ ...start, title: "AB", issue: "2020-W99" }, "issue");

    expect(undo.undo()).toEqual({ ...start, title: "AB" });
    expect(undo.undo()).toEqual({ ...start, title: "A" });
    expect(undo.undo()).toEqual(start);
    expect(undo.undo()).toBeNull();
  });

  it("redoes what was undone until something new is typed", () => {
    const time = clock();
    const undo = new FormUndo(start, time.now);
    undo.record({ ...start, lead: "Lead" }, "lead");
    undo.undo();
    expect(undo.canRedo).toBe(true);
    expect(undo.redo()).toEqual({ ...start, lead: "Lead" });
    expect(undo.redo()).toBeNull();

    undo.undo();
    time.pass(10);
    undo.record({ ...start, title: "Other" }, "title");
    expect(undo.canRedo).toBe(false);
    expect(undo.undo()).toEqual(start);
  });

  it("typing right after an undo does not merge into the step before it", () => {
    const time = clock();
    const undo = new FormUndo(start, time.now);
    undo.record({ ...start, title: "A" }, "title");
    time.pass(10);
    undo.record({ ...start, title: "A", lead: "L" }, "lead");
    undo.undo();
    time.pass(10);
    undo.record({ ...start, title: "AB" }, "title");
    expect(undo.undo()).toEqual({ ...start, title: "A" });
  });

  it("ignores a change that leaves every value as it was", () => {
    const undo = new FormUndo(start);
    undo.record({ ...start }, "title");
    expect(undo.canUndo).toBe(false);
  });
});

describe("undoKey", () => {
  const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }>) => ({
    key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
  });
  it("reads Ctrl/Cmd+Z as undo and Ctrl/Cmd+Shift+Z or Ctrl+Y as redo", () => {
    expect(undoKey(press("z", { ctrlKey: true }))).toBe("undo");
    expect(undoKey(press("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(undoKey(press("z", { metaKey: true }))).toBe("undo");
    expect(undoKey(press("y", { ctrlKey: true }))).toBe("redo");
    expect(undoKey(press("z", {}))).toBeNull();
    expect(undoKey(press("z", { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
