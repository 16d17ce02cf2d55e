import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BoardRowView, BoardView, ExportProgress, ExportResult } from "../src/ipc/bindings";

// The IPC module swapped for a fake: each test says what the core answers.
const ipc = vi.hoisted(() => ({
  issueBoard: vi.fn(),
  moveCommentary: vi.fn(),
  setEditorialStatus: vi.fn(),
  stepCommentary: vi.fn(),
  setIssueTitle: vi.fn(),
  exportTarget: vi.fn(),
  chooseExportTarget: vi.fn(),
  exportIssue: vi.fn(),
  showExportFolder: vi.fn(),
  onExportProgress: vi.fn(),
  startTranslation: vi.fn(),
}));
vi.mock("../src/ipc", () => ({
  ...ipc,
  asErrorDto: (reason: unknown) => reason,
}));

const { IssueBoard, IssueExport } = await import("../src/lib/board/state.svelte");
const { UndoStack, canStep, editorialPath, undoCalls } = await import("../src/lib/board/undo");
const { dropTarget, isNoMove, progressPercent, sectionTarget, weekRange } = await import(
  "../src/lib/board/board"
);

function row(id: string, editorial: BoardRowView["editorial"] = "draft"): BoardRowView {
  return { id, title: id, listed: true, editorial, editorialChoices: [], editorialBy: null, editorialAt: null, editorialConcurrent: null, inConflict: false, cells: [], notes: [] };
}

/** economy: a, b · politics: (empty) · society: c */
function board(sections: [string | null, string[]][] = [["economy", ["a", "b"]], ["politics", []], ["society", ["c"]]]): BoardView {
  return {
    week: "2020-W21",
    start: "2020-05-18",
    end: "2020-05-24",
    titles: {},
    issueFile: "2020-W21/issue.toml",
    hasFile: true,
    languages: ["be"],
    sections: sections.map(([key, ids]) => ({ key, rows: ids.map((id) => row(id)) })),
    readiness: [],
    conflicts: [],
    problems: [],
  };
}

describe("moves as the core counts them", () => {
  it("counts a drop below the row's own place without the row", () => {
    const b = board();
    expect(dropTarget(b, "a", "economy", 2)).toEqual({ section: "economy", position: 1 });
    expect(dropTarget(b, "b", "economy", 0)).toEqual({ section: "economy", position: 0 });
    expect(dropTarget(b, "a", "society", 0)).toEqual({ section: "society", position: 0 });
    expect(isNoMove(b, "a", dropTarget(b, "a", "economy", 1))).toBe(true);
  });

  it("sends a commentary chosen into another section to its end", () => {
    expect(sectionTarget(board(), "a", "society")).toEqual({ section: "society", position: 1 });
    expect(sectionTarget(board(), "a", "politics")).toEqual({ section: "politics", position: 0 });
  });
});

describe("board wording", () => {
  it("reads the week as a date range, with the year once", () => {
    expect(weekRange("2020-05-18", "2020-05-24", "en")).toBe("May 18 – May 24, 2020");
    expect(weekRange("2020-12-28", "2021-01-03", "en")).toBe("Dec 28, 2020 – Jan 3, 2021");
  });

  it("turns progress into a percentage, zero before the first step", () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ week: "w", done: 3, total: 12, what: "" })).toBe(25);
  });
});

describe("IssueBoard", () => {
  beforeEach(() => {
    for (const fn of Object.values(ipc)) fn.mockReset();
  });

  it("moves through the core and shows the board it returns", async () => {
    ipc.issueBoard.mockResolvedValue(board());
    const moved = board([["economy", ["b", "a"]], ["politics", []], ["society", ["c"]]]);
    ipc.moveCommentary.mockResolvedValue(moved);
    const issue = new IssueBoard("2020-W21");
    await issue.load();

    await issue.move("a", dropTarget(issue.board!, "a", "economy", 2));

    expect(ipc.moveCommentary).toHaveBeenCalledWith("2020-W21", "a", "economy", 1);
    expect(issue.board).toBe(moved);
    expect(issue.error).toBeNull();
  });

  it("starts a missing language through the core, then shows the board as it is now", async () => {
    const before = board();
    const after = board([["economy", ["a", "b"]], ["politics", []], ["society", ["c"]]]);
    ipc.issueBoard.mockResolvedValueOnce(before).mockResolvedValueOnce(after);
    ipc.startTranslation.mockResolvedValue({});
    const issue = new IssueBoard("2020-W21");
    await issue.load();

    await issue.start("a", "en");

    expect(ipc.startTranslation).toHaveBeenCalledWith("a", "en");
    expect(issue.board).toBe(after);
    expect(issue.error).toBeNull();
  });

  it("does not ask the core for a move that changes nothing", async () => {
    ipc.issueBoard.mockResolvedValue(board());
    const issue = new IssueBoard("2020-W21");
    await issue.load();
    await issue.move("a", { section: "economy", position: 0 });
    expect(ipc.moveCommentary).not.toHaveBeenCalled();
  });

  it("keeps the board and shows the core's message when a move is refused", async () => {
    const before = board();
    ipc.issueBoard.mockResolvedValue(before);
    const refusal = { kind: "invalid", code: null, args: {}, message: "the section `sport` is invalid: the workspace's sections are economy" };
    ipc.moveCommentary.mockRejectedValue(refusal);
    const issue = new IssueBoard("2020-W21");
    await issue.load();

    await issue.move("a", { section: "sport", position: 0 });

    expect(issue.error).toEqual(refusal);
    expect(issue.board).toBe(before);
    expect(issue.busy).toBe(false);
  });

  it("sets the editorial status for the board's week", async () => {
    ipc.setEditorialStatus.mockResolvedValue(board());
    const issue = new IssueBoard("2020-W21");
    await issue.setEditorial("a", "in-review");
    expect(ipc.setEditorialStatus).toHaveBeenCalledWith("2020-W21", "a", "in-review");
  });

  it("sets an issue title through the core, and leaves an unchanged one alone", async () => {
    ipc.issueBoard.mockResolvedValue({ ...board(), titles: { be: "Тыдзень 21" } });
    const titled = { ...board(), titles: { be: "Стаўка і газ" } };
    ipc.setIssueTitle.mockResolvedValue(titled);
    const issue = new IssueBoard("2020-W21");
    await issue.load();

    await issue.setTitle("be", " Тыдзень 21 ");
    expect(ipc.setIssueTitle).not.toHaveBeenCalled();
    await issue.setTitle("be", "Стаўка і газ");
    expect(ipc.setIssueTitle).toHaveBeenCalledWith("2020-W21", "be", "Стаўка і газ");
    expect(issue.board).toBe(titled);
  });

  it("keeps the title and shows the core's message when a blank title is refused", async () => {
    const before = { ...board(), titles: { be: "Тыдзень 21" } };
    ipc.issueBoard.mockResolvedValue(before);
    const refusal = { kind: "invalid", code: null, args: {}, message: "the be title of issue 2020-W21 is invalid: it is empty; write the title" };
    ipc.setIssueTitle.mockRejectedValue(refusal);
    const issue = new IssueBoard("2020-W21");
    await issue.load();

    await issue.setTitle("be", "  ");

    expect(issue.error).toEqual(refusal);
    expect(issue.board).toBe(before);
  });
});

describe("IssueExport", () => {
  const result: ExportResult = {
    path: "/ws/exports/2020-W21.zip",
    zip: true,
    published: ["be"],
    skipped: ["ru", "en"],
    files: ["be/index.html", "manifest.json"],
    manifestSha256: "ab",
    notMade: [],
  };

  beforeEach(() => {
    for (const fn of Object.values(ipc)) fn.mockReset();
  });

  it("keeps Only complete languages per week when the board is left and opened again", () => {
    const first = new IssueExport("2020-W30");
    expect(first.onlyComplete).toBe(false);
    first.onlyComplete = true;
    expect(new IssueExport("2020-W30").onlyComplete).toBe(true);
    expect(new IssueExport("2020-W31").onlyComplete).toBe(false);
    new IssueExport("2020-W30").onlyComplete = false;
    expect(new IssueExport("2020-W30").onlyComplete).toBe(false);
  });

  it("follows the core's progress for its week only, then shows what was written", async () => {
    let hear: (p: ExportProgress) => void = () => {};
    const unlisten = vi.fn();
    ipc.onExportProgress.mockImplementation(async (handler: (p: ExportProgress) => void) => {
      hear = handler;
      return unlisten;
    });
    const exporter = new IssueExport("2020-W21");
    const seen: (number | undefined)[] = [];
    ipc.exportIssue.mockImplementation(async () => {
      hear({ week: "2020-W21", done: 1, total: 4, what: "be" });
      seen.push(exporter.progress?.done);
      hear({ week: "2020-W20", done: 3, total: 4, what: "another export" });
      seen.push(exporter.progress?.done);
      hear({ week: "2020-W21", done: 4, total: 4, what: "wrote" });
      return result;
    });
    exporter.onlyComplete = true;

    await exporter.run();

    expect(ipc.exportIssue).toHaveBeenCalledWith("2020-W21", true, false);
    expect(seen).toEqual([1, 1]);
    expect(exporter.progress?.done).toBe(4);
    expect(exporter.result).toBe(result);
    expect(exporter.running).toBe(false);
    expect(unlisten).toHaveBeenCalled();
  });

  it("exports to the dialog's choice once one was made, and keeps the default after a cancel", async () => {
    ipc.onExportProgress.mockResolvedValue(() => {});
    ipc.exportIssue.mockResolvedValue(result);
    const exporter = new IssueExport("2020-W21");
    exporter.onlyComplete = false; // the week's choice is remembered from the test above
    ipc.chooseExportTarget.mockResolvedValueOnce(null);
    await exporter.choose(false);
    expect(exporter.useChosen).toBe(false);
    ipc.chooseExportTarget.mockResolvedValueOnce({ path: "/out/2020-W21", zip: false, chosen: true });
    await exporter.choose(false);

    await exporter.run();

    expect(ipc.chooseExportTarget).toHaveBeenLastCalledWith("2020-W21", false);
    expect(ipc.exportIssue).toHaveBeenCalledWith("2020-W21", false, true);
  });

  it("shows the core's refusal and no result", async () => {
    ipc.onExportProgress.mockResolvedValue(() => {});
    const refusal = { kind: "not_ready", code: null, args: {}, message: "issue 2020-W21 cannot be published yet:\nbe: …" };
    ipc.exportIssue.mockRejectedValue(refusal);
    const exporter = new IssueExport("2020-W21");

    await exporter.run();

    expect(exporter.error).toEqual(refusal);
    expect(exporter.result).toBeNull();
    expect(exporter.running).toBe(false);
  });
});

describe("board undo", () => {
  beforeEach(() => {
    for (const fn of Object.values(ipc)) fn.mockReset();
  });

  /** The board with the given editorial statuses for a and b (economy), c (society). */
  function withStatuses(statuses: Record<string, BoardRowView["editorial"]>): BoardView {
    const b = board();
    for (const group of b.sections) group.rows = group.rows.map((r) => row(r.id, statuses[r.id] ?? "draft"));
    return b;
  }

  it("goes forward through review one step at a time and back in one", () => {
    expect(editorialPath("draft", "approved")).toEqual(["in-review", "approved"]);
    expect(editorialPath("in-review", "approved")).toEqual(["approved"]);
    expect(editorialPath("approved", "draft")).toEqual(["draft"]);
    expect(editorialPath("draft", "draft")).toEqual([]);
  });

  it("undoes each kind of action with the calls that put it back", () => {
    const from = { section: "economy", position: 1 };
    expect(undoCalls({ kind: "move", id: "b", title: "b", from, to: { section: "society", position: 1 } })).toEqual([
      { kind: "move", id: "b", place: from },
    ]);
    expect(undoCalls({ kind: "step", id: "b", title: "b", delta: -1 })).toEqual([{ kind: "step", id: "b", delta: 1 }]);
    expect(
      undoCalls({
        kind: "editorial",
        changes: [
          { id: "a", title: "a", from: "draft", to: "approved" },
          { id: "b", title: "b", from: "approved", to: "draft" },
        ],
      }),
    ).toEqual([
      { kind: "editorial", id: "b", status: "in-review" },
      { kind: "editorial", id: "b", status: "approved" },
      { kind: "editorial", id: "a", status: "draft" },
    ]);
  });

  it("keeps a bounded stack, newest on top", () => {
    const stack = new UndoStack(2);
    for (const delta of [-1, 1, -1] as const) stack.push({ kind: "step", id: "a", title: "a", delta });
    expect(stack.size).toBe(2);
    expect(stack.pop()).toEqual({ kind: "step", id: "a", title: "a", delta: -1 });
    expect(stack.pop()).toEqual({ kind: "step", id: "a", title: "a", delta: 1 });
    expect(stack.pop()).toBeUndefined();
  });

  it("lets ↑/↓ step only within the section", () => {
    expect(canStep(1, 0, -1)).toBe(false);
    expect(canStep(1, 0, 1)).toBe(false);
    expect(canStep(2, 1, -1)).toBe(true);
    expect(canStep(2, 1, 1)).toBe(false);
  });

  it("steps through the core and undoes a step with the opposite one", async () => {
    ipc.issueBoard.mockResolvedValue(board());
    ipc.stepCommentary.mockResolvedValue(board([["economy", ["b", "a"]], ["politics", []], ["society", ["c"]]]));
    const issue = new IssueBoard("2020-W21");
    await issue.load();
    await issue.step("b", -1);
    expect(ipc.stepCommentary).toHaveBeenLastCalledWith("2020-W21", "b", "up");
    expect(issue.undoable).toEqual({ kind: "step", id: "b", title: "b", delta: -1 });
    await issue.undo();
    expect(ipc.stepCommentary).toHaveBeenLastCalledWith("2020-W21", "b", "down");
    expect(issue.undoable).toBeNull();
    expect(issue.depth).toBe(0);
  });

  it("undoes a move to another section by moving it back to its place", async () => {
    ipc.issueBoard.mockResolvedValue(board());
    ipc.moveCommentary.mockResolvedValue(board([["economy", ["a"]], ["politics", []], ["society", ["c", "b"]]]));
    const issue = new IssueBoard("2020-W21");
    await issue.load();
    await issue.move("b", sectionTarget(issue.board!, "b", "society"));
    expect(ipc.moveCommentary).toHaveBeenLastCalledWith("2020-W21", "b", "society", 1);
    await issue.undo();
    expect(ipc.moveCommentary).toHaveBeenLastCalledWith("2020-W21", "b", "economy", 1);
  });

  it("approves a selection through review, and one undo puts every status back", async () => {
    let statuses: Record<string, BoardRowView["editorial"]> = { a: "draft", b: "in-review", c: "approved" };
    ipc.issueBoard.mockImplementation(async () => withStatuses(statuses));
    ipc.setEditorialStatus.mockImplementation(async (_week: string, id: string, status: BoardRowView["editorial"]) => {
      statuses = { ...statuses, [id]: status };
      return withStatuses(statuses);
    });
    const issue = new IssueBoard("2020-W21");
    await issue.load();
    for (const id of ["a", "b", "c"]) issue.toggleSelected(id, true);

    await issue.approveSelected();

    expect(ipc.setEditorialStatus.mock.calls.map((c) => [c[1], c[2]])).toEqual([
      ["a", "in-review"],
      ["a", "approved"],
      ["b", "approved"],
    ]);
    expect(statuses).toEqual({ a: "approved", b: "approved", c: "approved" });
    expect(issue.selected).toEqual([]);
    expect(issue.undoable?.kind).toBe("editorial");

    await issue.undo();
    expect(statuses).toEqual({ a: "draft", b: "in-review", c: "approved" });
  });

  it("keeps what a refused bulk approve did, undoable, and says why it stopped", async () => {
    let statuses: Record<string, BoardRowView["editorial"]> = { a: "in-review", b: "in-review" };
    ipc.issueBoard.mockImplementation(async () => withStatuses(statuses));
    const refusal = { kind: "invalid", code: null, args: {}, message: "b changed on disk" };
    ipc.setEditorialStatus.mockImplementation(async (_week: string, id: string, status: BoardRowView["editorial"]) => {
      if (id === "b") throw refusal;
      statuses = { ...statuses, [id]: status };
      return withStatuses(statuses);
    });
    const issue = new IssueBoard("2020-W21");
    await issue.load();
    issue.toggleSelected("a", true);
    issue.toggleSelected("b", true);
    await issue.approveSelected();
    expect(issue.error).toEqual(refusal);
    expect(issue.selected).toEqual(["a", "b"]);
    expect(issue.undoable).toEqual({ kind: "editorial", changes: [{ id: "a", title: "a", from: "in-review", to: "approved" }] });
  });
});
