// @vitest-environment happy-dom
// The translation editor: column headings, rows editable in place through the open draft,
// "Done with this paragraph", and "Mark up to date" only once every change was handled, with a
// confirmation and an Undo.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { RowView, TranslationPane } from "../src/ipc/bindings";
import type { OpenDraft } from "../src/lib/editor/draft.svelte";

const ipc = vi.hoisted(() => ({
  translationView: vi.fn(),
  setTranslationStatus: vi.fn(),
  markMinor: vi.fn(),
  markHandled: vi.fn(),
  restoreTranslationStatus: vi.fn(),
  replaceParagraph: vi.fn(),
  startTranslation: vi.fn(),
  xliffExport: vi.fn(),
  xliffImport: vi.fn(),
  setSpelling: vi.fn(),
}));
vi.mock("../src/ipc", () => ({ ...ipc, asErrorDto: (reason: unknown) => reason }));

const { default: TranslationPanel } = await import("../src/lib/translation/TranslationPanel.svelte");
const { setUiLanguage } = await import("../src/i18n");
const { setSpellingOn } = await import("../src/lib/editor/spelling.svelte");
// The spell checker waits for the app's first screen; these tests show one view straight away.
(await import("../src/lib/shell/first-screen")).firstScreenIsDrawn();

function row(extra: Partial<RowView>): RowView {
  return { part: "paragraph", index: 0, source: "Адзін.", translation: "Один.", change: null, key: null, handled: false, diff: null, words: 1, needsWork: false, ...extra };
}

function pane(extra: Partial<TranslationPane> = {}): TranslationPane {
  return {
    id: "a", lang: "ru", path: "a.ru.md", sourceLang: "be", sourcePath: "a.be.md",
    state: "outdated", recordedStatus: "done", setBy: "Hanna", setAt: "2020-05-12T14:03:00Z", note: null, concurrent: null,
    outdatedFields: ["body"], outdatedVersions: [7], statusEvent: "hanna.1",
    words: { changed: 5, new: 0 }, toReview: 1, handled: 0, allHandled: false,
    rows: [
      row({ part: "title", index: null, source: "Армія", translation: "Армия" }),
      row({ part: "lead", index: null, source: "", translation: "" }),
      row({ index: 0 }),
      row({ index: 1, source: "Два, і яшчэ.", translation: "Два.", change: "changed", key: "ab".repeat(32), needsWork: true, words: 3 }),
    ],
    ...extra,
  };
}

class FakeDraft {
  state = "saved";
  body = "\nОдин.\n\nДва.\n";
  view = null;
  saves = 0;
  async save(): Promise<void> {
    this.saves += 1;
  }
  setBody(body: string): void {
    this.body = body;
    this.state = "unsaved";
  }
  async setFields(): Promise<void> {}
}

async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) await Promise.resolve();
  flushSync();
}

describe("the translation editor", () => {
  let target: HTMLElement;
  let mounted: Record<string, unknown> | null = null;
  let draft: FakeDraft;

  beforeEach(() => {
    target = document.createElement("div");
    document.body.append(target);
    draft = new FakeDraft();
    vi.clearAllMocks();
    ipc.setSpelling.mockImplementation(async (lang: string, enabled: boolean) =>
      enabled ? { state: "checking", lang, dictionary: `${lang}_XX` } : { state: "off" });
  });

  afterEach(() => {
    if (mounted) unmount(mounted);
    mounted = null;
    target.remove();
    setUiLanguage("en");
    setSpellingOn(true);
  });

  async function show(value: TranslationPane, missing: string[] = [], lang = "ru"): Promise<void> {
    ipc.translationView.mockResolvedValue(value);
    mounted = mount(TranslationPanel, {
      target,
      props: { id: "a", lang, draft: draft as unknown as OpenDraft, missing },
    });
    await settle();
  }

  const text = (selector: string) => [...target.querySelectorAll(selector)].map((e) => e.textContent?.trim());

  it("names the languages in the column headings and pairs title and lead as rows", async () => {
    await show(pane());
    expect(text(".pair-heading")).toEqual(["Source · be", "Translation · ru"]);
    expect([...target.querySelectorAll(".pair[data-row]")].map((e) => e.getAttribute("data-row"))).toEqual(["title", "lead", "p0", "p1"]);
    setUiLanguage("be");
    flushSync();
    expect(text(".pair-heading")).toEqual(["Арыгінал · be", "Пераклад · ru"]);
  });

  it("says outdated in the status control and offers Mark up to date only when every change was handled", async () => {
    await show(pane());
    const select = target.querySelector<HTMLSelectElement>(".status-control");
    expect(select?.value).toBe("outdated");
    expect(target.querySelector(".mark-up-to-date")).toBeNull();
    expect(target.querySelector<HTMLOptionElement>("option[value=done]")?.disabled).toBe(true);

    const handled = pane({ handled: 1, allHandled: true, rows: pane().rows.map((r) => (r.key ? { ...r, handled: true, needsWork: false } : r)) });
    ipc.markHandled.mockResolvedValue(handled);
    target.querySelector<HTMLButtonElement>(".mark-handled")?.click();
    await settle();
    expect(ipc.markHandled).toHaveBeenCalledWith("a", "ru", "ab".repeat(32));
    expect(draft.saves).toBe(1);
    expect(target.querySelector(".pair[data-row=p1] .pair-done")?.textContent).toContain("done");
    expect(target.querySelector(".mark-up-to-date")).not.toBeNull();
  });

  it("asks before marking up to date and offers an Undo that restores the previous status", async () => {
    await show(pane({ handled: 1, allHandled: true }));
    ipc.setTranslationStatus.mockResolvedValue(pane({ state: "done", statusEvent: "hanna.2" }));
    target.querySelector<HTMLButtonElement>(".mark-up-to-date")?.click();
    flushSync();
    expect(ipc.setTranslationStatus).not.toHaveBeenCalled();
    target.querySelector<HTMLButtonElement>(".confirm-yes")?.click();
    await settle();
    expect(ipc.setTranslationStatus).toHaveBeenCalledWith("a", "ru", "done");

    ipc.restoreTranslationStatus.mockResolvedValue(pane());
    target.querySelector<HTMLButtonElement>(".toast-undo")?.click();
    await settle();
    expect(ipc.restoreTranslationStatus).toHaveBeenCalledWith("a", "ru", "hanna.1");
  });

  it("asks before marking the change minor, and Undo unmarks it", async () => {
    await show(pane());
    ipc.translationView.mockResolvedValue(pane({ state: "done" }));
    target.querySelector<HTMLButtonElement>(".mark-minor")?.click();
    flushSync();
    target.querySelector<HTMLButtonElement>(".confirm-no")?.click();
    flushSync();
    expect(ipc.markMinor).not.toHaveBeenCalled();
    target.querySelector<HTMLButtonElement>(".mark-minor")?.click();
    flushSync();
    target.querySelector<HTMLButtonElement>(".confirm-yes")?.click();
    await settle();
    expect(ipc.markMinor).toHaveBeenCalledWith(7, true);
    target.querySelector<HTMLButtonElement>(".toast-undo")?.click();
    await settle();
    expect(ipc.markMinor).toHaveBeenLastCalledWith(7, false);
  });

  it("turns a row's edit into the body through the core and leaves saving to the draft", async () => {
    await show(pane());
    ipc.replaceParagraph.mockResolvedValue("\nОдин.\n\nДва, и ещё.\n");
    const area = target.querySelector<HTMLTextAreaElement>(".pair[data-row=p1] .pair-edit");
    if (!area) throw new Error("no editable row");
    area.value = "Два, и ещё.";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    await settle();
    expect(ipc.replaceParagraph).toHaveBeenCalledWith("\nОдин.\n\nДва.\n", 1, "Два, и ещё.");
    expect(draft.body).toBe("\nОдин.\n\nДва, и ещё.\n");
    expect(draft.state).toBe("unsaved");
  });

  it("jumps to the next row that needs work with Alt+Down and focuses its text", async () => {
    await show(pane());
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", altKey: true }));
    await settle();
    expect(target.querySelector(".row-current")?.getAttribute("data-row")).toBe("p1");
  });

  it("starts a missing language with the core's call", async () => {
    await show(pane(), ["en"]);
    ipc.startTranslation.mockResolvedValue(pane({ lang: "en" }));
    target.querySelector<HTMLButtonElement>(".start-translation[data-lang=en]")?.click();
    await settle();
    expect(ipc.startTranslation).toHaveBeenCalledWith("a", "en");
  });

  it("checks spelling in the translation's language, the source column marked with the source's", async () => {
    await show(pane());
    expect(ipc.setSpelling).toHaveBeenCalledTimes(1);
    expect(ipc.setSpelling).toHaveBeenCalledWith("ru", true);
    expect(target.querySelector(".translation")?.getAttribute("data-spelling")).toBe("ru_XX");
    const edit = target.querySelector<HTMLTextAreaElement>(".pair[data-row=p1] .pair-edit");
    expect([edit?.lang, edit?.getAttribute("spellcheck")]).toEqual(["ru", "true"]);
    expect(target.querySelector(".pair[data-row=p1] .pair-source")?.getAttribute("lang")).toBe("be");

    setSpellingOn(false);
    await settle();
    expect(ipc.setSpelling).toHaveBeenLastCalledWith("ru", false);
    expect(target.querySelector(".translation")?.getAttribute("data-spelling")).toBe("off");
  });

  it("switches the checker when the view opens in another language", async () => {
    await show(pane({ lang: "en" }), [], "en");
    expect(ipc.setSpelling).toHaveBeenLastCalledWith("en", true);
    ipc.setSpelling.mockResolvedValue({ state: "missing", lang: "en", dictionary: "en_US", package: "hunspell-en-us" });
    unmount(mounted as Record<string, unknown>);
    await show(pane({ lang: "be", sourceLang: "ru" }), [], "be");
    expect(ipc.setSpelling).toHaveBeenLastCalledWith("be", true);
    expect(target.querySelector(".spelling-notice")?.textContent).toContain("hunspell-en-us");
  });
});
