// @vitest-environment happy-dom
// One source of truth: every view (library, board, translation view, History) reloads from the
// one `workspace-changed` event, whether the change was this window's own (`byApp`) or came from
// the folder (another program, the CLI, a sync, another machine's records).
import { afterEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, tick, unmount } from "svelte";
import type { ErrorDto, FolderChanges } from "../src/ipc/bindings";
import { setUiLanguage } from "../src/i18n";
import { errorText } from "../src/lib/errors";
import type { OpenDraft } from "../src/lib/editor/draft.svelte";

const ipc = vi.hoisted(() => ({
  handler: null as ((changes: FolderChanges) => void) | null,
  onFolderChanges: vi.fn(),
  listCommentaries: vi.fn(),
  issueBoard: vi.fn(),
  exportTarget: vi.fn(),
  translationView: vi.fn(),
  translationSourceDiff: vi.fn(),
  listVersions: vi.fn(),
  // the translation view switches the spell checker to its language
  setSpelling: vi.fn(async () => ({ state: "off" })),
}));
vi.mock("../src/ipc", () => ({ ...ipc, asErrorDto: (reason: unknown) => reason }));

const { WorkspaceChanges, LibraryStore, pollingText } = await import("../src/lib/workspace/changes.svelte");
const { default: BoardPanel } = await import("../src/lib/board/BoardPanel.svelte");
const { default: TranslationPanel } = await import("../src/lib/translation/TranslationPanel.svelte");
const { default: HistoryPanel } = await import("../src/lib/history/HistoryPanel.svelte");

const settle = async () => {
  for (let i = 0; i < 5; i += 1) {
    await tick();
    await Promise.resolve();
  }
  flushSync();
};

function fakeIpc(): void {
  ipc.onFolderChanges.mockImplementation(async (handler: (changes: FolderChanges) => void) => {
    ipc.handler = handler;
    return () => (ipc.handler = null);
  });
  ipc.listCommentaries.mockResolvedValue({ commentaries: [], problems: [] });
  ipc.issueBoard.mockRejectedValue({ kind: "invalid", code: null, args: {}, message: "not needed here" });
  ipc.exportTarget.mockResolvedValue({ path: "exports/2020-W21.zip", zip: true, chosen: false });
  ipc.translationView.mockRejectedValue({ kind: "invalid", code: null, args: {}, message: "not needed here" });
  ipc.listVersions.mockResolvedValue([]);
}

afterEach(() => {
  vi.clearAllMocks();
  document.body.innerHTML = "";
});

const events: [string, FolderChanges][] = [
  ["this window's own command", { changes: [], recordsChanged: false, byApp: true, notices: [], problems: [] }],
  ["another machine's records or the CLI", { changes: [], recordsChanged: true, byApp: false, notices: [], problems: [] }],
];

describe("one change event", () => {
  it.each(events)("after %s, the library, board, translation view and History reload", async (_, event) => {
    fakeIpc();
    const changes = new WorkspaceChanges();
    const stop = await changes.listen();
    const library = new LibraryStore(changes);
    const board = mount(BoardPanel, {
      target: document.body,
      props: { week: "2020-W21", sections: [], changes, onopen: () => {}, onclose: () => {} },
    });
    // App passes `changes.revision` to the panels that reload through a prop.
    // The open translation the panel edits through; this test only counts its reloads.
    const draft = { state: "saved", body: "", view: null } as unknown as OpenDraft;
    const panelProps = $state({ id: "abc", lang: "ru", draft, refresh: changes.revision });
    const historyProps = $state({
      draft: { path: "2020-W21/a.ru.md", versions: 0 } as never,
      request: null,
      refresh: changes.revision,
    });
    const translation = mount(TranslationPanel, { target: document.body, props: panelProps });
    const history = mount(HistoryPanel, { target: document.body, props: historyProps });
    await settle();
    const before = {
      library: ipc.listCommentaries.mock.calls.length,
      board: ipc.issueBoard.mock.calls.length,
      translation: ipc.translationView.mock.calls.length,
      history: ipc.listVersions.mock.calls.length,
    };

    expect(ipc.handler).not.toBeNull();
    ipc.handler?.(event);
    panelProps.refresh = changes.revision;
    historyProps.refresh = changes.revision;
    await settle();

    expect(ipc.listCommentaries.mock.calls.length).toBe(before.library + 1);
    expect(ipc.issueBoard.mock.calls.length).toBe(before.board + 1);
    expect(ipc.translationView.mock.calls.length).toBe(before.translation + 1);
    expect(ipc.listVersions.mock.calls.length).toBe(before.history + 1);
    expect(changes.revision).toBe(1);

    // Stopped followers hear nothing more.
    unmount(board);
    library.stop();
    ipc.handler?.(event);
    await settle();
    expect(ipc.listCommentaries.mock.calls.length).toBe(before.library + 1);
    expect(ipc.issueBoard.mock.calls.length).toBe(before.board + 1);
    unmount(translation);
    unmount(history);
    stop();
  });

  it("a failed reload keeps the library the core last listed", async () => {
    fakeIpc();
    const changes = new WorkspaceChanges();
    const listed = { commentaries: [], problems: [{ kind: "invalid" as const, code: null, args: {}, message: "x" }] };
    const library = new LibraryStore(changes, listed);
    ipc.listCommentaries.mockRejectedValueOnce({ kind: "io", code: null, args: {}, message: "gone" });
    changes.heard(events[0]![1]);
    await settle();
    expect(library.library).toEqual(listed);
  });
});

describe("what the watcher has to say", () => {
  it("keeps each notice once until dismissed, and a change without notices keeps them", () => {
    const changes = new WorkspaceChanges();
    const polling = { seconds: 2, reason: "inotify watch limit reached" };
    const heard = (notices: { seconds: number; reason: string }[]) =>
      changes.heard({ changes: [], recordsChanged: false, byApp: false, notices, problems: [] });
    heard([polling]);
    heard([polling]);
    heard([]);
    expect(changes.notices).toEqual([polling]);
    setUiLanguage("be");
    expect(changes.notices.map(pollingText)).toEqual([
      "Змены з іншых праграм з’яўляюцца з затрымкай да 2 с: папка правяраецца па раскладзе, а не адсочваецца (inotify watch limit reached).",
    ]);
    setUiLanguage("ru");
    expect(pollingText({ seconds: 1.5, reason: "GALLEY_WATCH=poll asks for it" })).toContain("до 1,5 с");
    setUiLanguage("en");
    changes.dismissNotices();
    expect(changes.notices).toEqual([]);
  });
});

describe("what the watcher left alone", () => {
  it("keeps each problem once, worded in the UI language from its code, until dismissed", () => {
    const changes = new WorkspaceChanges();
    const twice: ErrorDto = {
      kind: "invalid_draft",
      code: "draft_key_twice",
      args: { path: "2020-W20/a.be.md", line: "4", key: "id", first_line: "2" },
      message: "2020-W20/a.be.md, line 4: field `id`: the key `id` appears twice (first on line 2)",
    };
    const heard = (problems: ErrorDto[]) => changes.heard({ changes: [], recordsChanged: false, byApp: false, notices: [], problems });
    heard([twice]);
    heard([twice]);
    expect(changes.problems).toEqual([twice]);
    setUiLanguage("be");
    expect(changes.problems.map(errorText)).toEqual(["2020-W20/a.be.md, радок 4: поле id сустракаецца двойчы (упершыню ў радку 2). Пакіньце адно."]);
    setUiLanguage("en");
    changes.dismissNotices();
    expect(changes.problems).toEqual([]);
  });
});
