import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BoardRowView, BoardView, ExportProgress, ExportResult } from "../src/ipc/bindings";

// The IPC module swapped for a fake: each test says what the core answers.
const ipc = vi.hoisted(() => ({
  issueBoard: vi.fn(),
  moveCommentary: vi.fn(),
  setEditorialStatus: vi.fn(),
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
const { canChangeEditorial, dropTarget, isNoMove, progressPercent, sectionTarget, stepTarget, weekRange } = await import(
  "../src/lib/board/board"
);

function row(id: string): BoardRowView {
  return { id, title: id, listed: true, editorial: "draft", editorialBy: null, editorialAt: null, editorialConcurrent: null, inConflict: false, cells: [] };
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
    sections: sections.map(([key, ids]) => ({ key, rows: ids.map(row) })),
    readiness: [],
    conflicts: [],
    problems: [],
  };
}

describe("moves as the core counts them", () => {
  it("steps within a section, then across to the nearest section's edge", () => {
    const b = board();
    expect(stepTarget(b, "b", -1)).toEqual({ section: "economy", position: 0 });
    expect(stepTarget(b, "b", 1)).toEqual({ section: "politics", position: 0 });
    expect(stepTarget(b, "c", -1)).toEqual({ section: "politics", position: 0 });
    expect(stepTarget(b, "a", -1)).toBeNull();
    expect(stepTarget(b, "c", 1)).toBeNull();
  });

  it("never steps into the group of commentaries without a section", () => {
    const b = board([["economy", ["a"]], [null, ["x"]]]);
    expect(stepTarget(b, "a", 1)).toBeNull();
    expect(stepTarget(b, "x", -1)).toEqual({ section: "economy", position: 1 });
  });

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
  it("lets approval follow review only, and going back any number of steps", () => {
    expect(canChangeEditorial("draft", "approved")).toBe(false);
    expect(canChangeEditorial("draft", "in-review")).toBe(true);
    expect(canChangeEditorial("approved", "draft")).toBe(true);
  });

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
    const refusal = { kind: "invalid", message: "the section `sport` is invalid: the workspace's sections are economy" };
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
    const refusal = { kind: "invalid", message: "the be title of issue 2020-W21 is invalid: it is empty; write the title" };
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
    const refusal = { kind: "not_ready", message: "issue 2020-W21 cannot be published yet:\nbe: …" };
    ipc.exportIssue.mockRejectedValue(refusal);
    const exporter = new IssueExport("2020-W21");

    await exporter.run();

    expect(exporter.error).toEqual(refusal);
    expect(exporter.result).toBeNull();
    expect(exporter.running).toBe(false);
  });
});
