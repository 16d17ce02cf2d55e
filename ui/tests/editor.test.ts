import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftView, FieldsResult, SaveResult, VersionInfo } from "../src/ipc/bindings";
import { frontBlock, readingMinutes, splitList } from "../src/lib/editor/text";

// The IPC module swapped for a fake: each test says what the core answers.
const ipc = vi.hoisted(() => ({
  readDraft: vi.fn(),
  saveDraft: vi.fn(),
  editFields: vi.fn(),
}));
vi.mock("../src/ipc", () => ({
  ...ipc,
  asErrorDto: (reason: unknown) => reason,
}));

const { OpenDraft, AUTOSAVE_MS, SETTLE_MS } = await import("../src/lib/editor/draft.svelte");

const FRONT = "---\nid: a\nlang: en\ntitle: T\n---\n";
const edited = (text: string): FieldsResult => ({ outcome: "edited", text });
function view(body: string, hash = "h0"): DraftView {
  return {
    path: "a.en.md", id: "a", lang: "en", title: "T", trend: null, authors: [], lead: "", section: null,
    issue: null, tags: [], translationOf: null, body, text: FRONT + body, hash,
  };
}
function version(id: number, hash: string | null, origin: VersionInfo["origin"] = "save"): VersionInfo {
  return { id, author: "me", at: "2020-05-14T09:30:00Z", label: null, labelBy: null, labelAt: null, labelConcurrent: null, origin, restoredFrom: null, hash };
}

describe("text helpers", () => {
  it("splits the front matter block from the body", () => {
    expect(frontBlock(FRONT + "\nBody.\n", "\nBody.\n")).toBe(FRONT);
  });
  it("rounds reading time to whole minutes, at least one for any text", () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(30)).toBe(1);
    expect(readingMinutes(1000)).toBe(5);
  });
  it("reads comma-separated lists without empty items", () => {
    expect(splitList(" Ala, ,Ян ")).toEqual(["Ala", "Ян"]);
  });
});

describe("OpenDraft", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    ipc.readDraft.mockReset().mockResolvedValue(view("\nOld.\n"));
    ipc.saveDraft.mockReset();
    ipc.editFields.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it("is unsaved after typing and autosaves the whole file text after the pause", async () => {
    ipc.saveDraft.mockResolvedValue({ outcome: "saved", version: version(2, "h1"), hash: "h1" } satisfies SaveResult);
    const draft = new OpenDraft("a.en.md");
    await draft.load();

    draft.setBody("\nNew.\n");
    expect(draft.state).toBe("unsaved");
    expect(ipc.saveDraft).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);

    expect(ipc.saveDraft).toHaveBeenCalledWith("a.en.md", FRONT + "\nNew.\n", "h0");
    expect(draft.state).toBe("saved");
  });

  it("sends the hash of the last save with the next one", async () => {
    ipc.saveDraft.mockResolvedValue({ outcome: "saved", version: version(2, "h1"), hash: "h1" });
    const draft = new OpenDraft("a.en.md");
    await draft.load();
    draft.setBody("\nOne.\n");
    await draft.save();
    draft.setBody("\nTwo.\n");
    await draft.save();
    expect(ipc.saveDraft).toHaveBeenLastCalledWith("a.en.md", FRONT + "\nTwo.\n", "h1");
  });

  it("reloads quietly when the file changes on disk and nothing is unsaved", async () => {
    const draft = new OpenDraft("a.en.md");
    await draft.load();
    ipc.readDraft.mockResolvedValue(view("\nTheirs.\n", "h9"));

    await draft.external({ changes: [{ path: "a.en.md", version: version(3, "h9", "external") }], recordsChanged: false, byApp: false, notices: [], problems: [] });

    expect(draft.body).toBe("\nTheirs.\n");
    expect(draft.notice).toBe("reloaded");
    expect(draft.state).toBe("saved");
  });

  it("ignores the watcher's report of its own save and of other files", async () => {
    const draft = new OpenDraft("a.en.md");
    await draft.load();
    await draft.external({ changes: [{ path: "a.en.md", version: version(3, "h0") }], recordsChanged: false, byApp: false, notices: [], problems: [] });
    await draft.external({ changes: [{ path: "b.en.md", version: version(4, "h7", "external") }], recordsChanged: false, byApp: false, notices: [], problems: [] });
    expect(ipc.readDraft).toHaveBeenCalledTimes(1);
  });

  it("turns unsaved edits into a conflict when the file changes on disk, then keeps mine on request", async () => {
    const theirs = version(3, "h9", "external");
    const ours = version(4, "h8", "conflict");
    ipc.saveDraft.mockResolvedValueOnce({ outcome: "conflict", theirs, ours });
    const draft = new OpenDraft("a.en.md");
    await draft.load();
    draft.setBody("\nMine.\n");

    await draft.external({ changes: [{ path: "a.en.md", version: theirs }], recordsChanged: false, byApp: false, notices: [], problems: [] });

    expect(draft.state).toBe("conflict");
    expect(draft.conflict).toEqual({ theirs, ours });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 2);
    expect(ipc.saveDraft).toHaveBeenCalledTimes(1);

    ipc.saveDraft.mockResolvedValueOnce({ outcome: "saved", version: version(5, "h10"), hash: "h10" });
    await draft.keepMine();
    expect(ipc.saveDraft).toHaveBeenLastCalledWith("a.en.md", FRONT + "\nMine.\n", "h9");
    expect(draft.state).toBe("saved");
    expect(draft.conflict).toBeNull();
  });

  it("applies the form through the core and marks the text unsaved", async () => {
    ipc.editFields.mockResolvedValue(edited(FRONT.replace("title: T", "title: U") + "\nOld.\n"));
    const draft = new OpenDraft("a.en.md");
    await draft.load();

    await draft.setFields({ title: "U", trend: null, authors: [], lead: "", section: null, issue: null, tags: [] });

    expect(draft.text).toContain("title: U");
    expect(draft.state).toBe("unsaved");
    draft.setBody("\nNew.\n");
    expect(draft.text).toBe(FRONT.replace("title: T", "title: U") + "\nNew.\n");
  });

  it("a save right after a form edit waits for it and saves it", async () => {
    let finish: (text: string) => void = () => {};
    ipc.editFields.mockReturnValue(new Promise<FieldsResult>((resolve) => (finish = (text) => resolve(edited(text)))));
    ipc.saveDraft.mockResolvedValue({ outcome: "saved", version: version(2, "h1"), hash: "h1" });
    const draft = new OpenDraft("a.en.md");
    await draft.load();

    void draft.setFields({ title: "U", trend: null, authors: [], lead: "", section: null, issue: null, tags: [] });
    const saving = draft.save();
    finish(FRONT.replace("title: T", "title: U") + "\nOld.\n");
    await saving;

    expect(ipc.saveDraft).toHaveBeenCalledWith("a.en.md", FRONT.replace("title: T", "title: U") + "\nOld.\n", "h0");
  });

  it("keeps a refused field's reason, stays unsaved and keeps the text", async () => {
    ipc.editFields.mockResolvedValue({
      outcome: "refused", field: "issue", error: { kind: "invalid", code: null, args: {}, message: "the issue week `2020-W99` is invalid" },
    });
    const draft = new OpenDraft("a.en.md");
    await draft.load();
    draft.formEdited();
    await draft.setFields({ title: "T", trend: null, authors: [], lead: "", section: null, issue: "2020-W99", tags: [] });

    expect(draft.refused?.field).toBe("issue");
    expect(draft.refused?.error.message).toContain("2020-W99");
    expect(draft.error).toBeNull();
    expect(draft.state).toBe("unsaved");
    expect(draft.text).toBe(FRONT + "\nOld.\n");
    // The autosave has nothing to write and the state stays unsaved while the field is refused.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(ipc.saveDraft).not.toHaveBeenCalled();
    expect(draft.state).toBe("unsaved");
  });

  it("a saved body does not hide a refused field", async () => {
    ipc.editFields.mockResolvedValue({ outcome: "refused", field: "trend", error: { kind: "invalid", code: null, args: {}, message: "no" } });
    ipc.saveDraft.mockResolvedValue({ outcome: "saved", version: version(2, "h1"), hash: "h1" });
    const draft = new OpenDraft("a.en.md");
    await draft.load();
    await draft.setFields({ title: "T", trend: "better", authors: [], lead: "", section: null, issue: null, tags: [] });
    draft.setBody("\nNew.\n");
    await draft.save();

    expect(ipc.saveDraft).toHaveBeenCalledWith("a.en.md", FRONT + "\nNew.\n", "h0");
    expect(draft.state).toBe("unsaved");
  });

  it("is unsaved as soon as a form field is typed in, before the core applies it", async () => {
    const draft = new OpenDraft("a.en.md");
    await draft.load();
    draft.formEdited();
    expect(draft.state).toBe("unsaved");

    ipc.editFields.mockResolvedValue(edited(FRONT.replace("title: T", "title: U") + "\nOld.\n"));
    await draft.setFields({ title: "U", trend: null, authors: [], lead: "", section: null, issue: null, tags: [] });
    expect(draft.refused).toBeNull();
    expect(draft.state).toBe("unsaved");
  });

  it("a form edit typed back to the saved value is saved again", async () => {
    const draft = new OpenDraft("a.en.md");
    await draft.load();
    draft.formEdited();
    ipc.editFields.mockResolvedValue(edited(FRONT + "\nOld.\n"));
    await draft.setFields({ title: "T", trend: null, authors: [], lead: "", section: null, issue: null, tags: [] });
    expect(draft.state).toBe("saved");
  });

  it("reads the editor's text only when it is needed, not on every key", async () => {
    const draft = new OpenDraft("a.en.md");
    await draft.load();
    const read = vi.fn(() => "\nTyped.\n");

    for (let key = 0; key < 50; key++) draft.edited(read);

    expect(read).not.toHaveBeenCalled();
    expect(draft.state).toBe("unsaved");
    expect(draft.text).toBe(FRONT + "\nTyped.\n");
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("tells readers about the text once typing pauses, then finds an undone edit saved", async () => {
    const draft = new OpenDraft("a.en.md");
    await draft.load();
    const settledAtLoad = draft.settled;

    draft.edited(() => "\nOld!\n");
    draft.edited(() => "\nOld.\n");
    expect(draft.settled).toBe(settledAtLoad);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);

    expect(draft.settled).toBe(settledAtLoad + 1);
    expect(draft.state).toBe("saved");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(ipc.saveDraft).not.toHaveBeenCalled();
  });

  it("keeps keys typed while the core rewrote the front matter", async () => {
    let finish: (text: string) => void = () => {};
    ipc.editFields.mockReturnValue(new Promise<FieldsResult>((resolve) => (finish = (text) => resolve(edited(text)))));
    const draft = new OpenDraft("a.en.md");
    await draft.load();

    const applying = draft.setFields({ title: "U", trend: null, authors: [], lead: "", section: null, issue: null, tags: [] });
    await Promise.resolve();
    draft.edited(() => "\nOld and new.\n");
    finish(FRONT.replace("title: T", "title: U") + "\nOld.\n");
    await applying;

    expect(draft.text).toBe(FRONT.replace("title: T", "title: U") + "\nOld and new.\n");
  });
});
