// @vitest-environment happy-dom
// Who set a status and when, and changes made at the same time elsewhere, as the views draw the
// core's records — in each UI language; and a draft a merge left conflict markers in.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { Commentary, ConcurrentStatus, TranslationPane } from "../src/ipc/bindings";
import type { OpenDraft } from "../src/lib/editor/draft.svelte";

const ipc = vi.hoisted(() => ({
  translationView: vi.fn(),
  translationSourceDiff: vi.fn(),
  setTranslationStatus: vi.fn(),
  markMinor: vi.fn(),
  xliffExport: vi.fn(),
  xliffImport: vi.fn(),
  // the translation view switches the spell checker to its language
  setSpelling: vi.fn(async () => ({ state: "off" })),
}));
vi.mock("../src/ipc", () => ({ ...ipc, asErrorDto: (reason: unknown) => reason }));

const { default: TranslationPanel } = await import("../src/lib/translation/TranslationPanel.svelte");
const { default: Library } = await import("../src/lib/Library.svelte");
const { default: ConflictBanner } = await import("../src/lib/editor/ConflictBanner.svelte");
const { formatDateTime, setUiLanguage } = await import("../src/i18n");
const { editorialNotice, labelNotice, setByLine, statusNotice } = await import("../src/lib/records/records");

const AT = "2020-05-12T14:03:00Z";

/** The open translation, saved and idle: the panel only reads its state here. */
function savedDraft(): OpenDraft {
  return { state: "saved", body: "", view: null, save: async () => {}, setBody: () => {}, setFields: async () => {} } as unknown as OpenDraft;
}
const CONCURRENT: ConcurrentStatus = { by: "Maria", at: "2020-05-12T14:02:00Z", status: "in-review", keptBy: "Hanna", kept: "done" };

function pane(extra: Partial<TranslationPane> = {}): TranslationPane {
  return {
    id: "a",
    lang: "ru",
    path: "a.ru.md",
    sourceLang: "be",
    sourcePath: "a.be.md",
    state: "done",
    recordedStatus: "done",
    setBy: "Hanna",
    setAt: AT,
    note: null,
    concurrent: null,
    outdatedFields: [],
    outdatedVersions: [],
    statusEvent: "hanna.1",
    words: null,
    toReview: 0,
    handled: 0,
    allHandled: false,
    rows: [
      { part: "paragraph", index: 0, source: "Абзац.", translation: "Абзац.", change: null, key: null, handled: false, diff: null, words: 1, needsWork: false },
    ],
    ...extra,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  flushSync();
}

afterEach(() => setUiLanguage("en"));

describe("the records' wording", () => {
  it("says the state, who set it and when, with the date as the UI language writes it", () => {
    expect(setByLine("done", "Hanna", AT)).toBe(`done · Hanna · ${formatDateTime(AT)}`);
    expect(setByLine("done", null, null)).toBe("done");
  });

  it.each([
    ["en", "Changed at the same time by Maria (in review) — Hanna’s change (done) was kept"],
    ["ru", "Изменено одновременно в двух местах: Maria — «на проверке», Hanna — «готово». Сохранено второе изменение."],
    ["be", "Зменена адначасова ў двух месцах: Maria — «на праверцы», Hanna — «гатова». Захавана другая змена."],
  ] as const)("names both sides of a concurrent status in %s", (lang, expected) => {
    setUiLanguage(lang);
    expect(statusNotice(CONCURRENT)).toBe(expected);
  });

  it("words editorial statuses and labels in the notice too", () => {
    expect(editorialNotice({ by: "Maria", at: AT, status: "in-review", keptBy: "Hanna", kept: "approved" })).toBe(
      "Changed at the same time by Maria (in review) — Hanna’s change (approved) was kept",
    );
    expect(labelNotice({ by: "Maria", at: AT, label: null, keptBy: "Hanna", kept: "sent" })).toBe(
      "Changed at the same time by Maria (no label) — Hanna’s change (sent) was kept",
    );
    setUiLanguage("be");
    expect(labelNotice({ by: "Maria", at: AT, label: "final", keptBy: "Hanna", kept: null })).toBe(
      "Зменена адначасова ў двух месцах: Maria — «final», Hanna — «без меткі». Захавана другая змена.",
    );
  });
});

describe("the translation view", () => {
  let target: HTMLElement;
  let mounted: Record<string, unknown> | null = null;

  beforeEach(() => {
    target = document.createElement("div");
    document.body.append(target);
    ipc.translationView.mockReset();
    ipc.translationSourceDiff.mockReset();
  });

  afterEach(() => {
    if (mounted) unmount(mounted);
    mounted = null;
    target.remove();
  });

  async function show(value: TranslationPane): Promise<void> {
    ipc.translationView.mockResolvedValue(value);
    mounted = mount(TranslationPanel, { target, props: { id: "a", lang: "ru", draft: savedDraft() } });
    await settle();
  }

  it.each([
    ["en", "done"],
    ["ru", "готово"],
    ["be", "гатова"],
  ] as const)("shows who set the status and when as text (%s)", async (lang, word) => {
    setUiLanguage(lang);
    await show(pane());
    const state = target.querySelector(".translation-state");
    expect(state?.textContent).toBe(`${word} · Hanna · ${formatDateTime(AT)}`);
    expect(target.querySelector(".concurrent-notice")).toBeNull();
  });

  it("says an outdated translation's status was set by whom, beside 'outdated'", async () => {
    ipc.translationSourceDiff.mockResolvedValue({ diff: { fields: [], hunks: [], wordsAdded: 0, wordsRemoved: 0, paragraphsChanged: 0, summary: "", coarse: false }, versions: [] });
    await show(pane({ state: "outdated", recordedStatus: "done" }));
    expect(target.querySelector(".translation-state")?.textContent).toBe("outdated");
    expect(target.querySelector(".translation-header .set-by")?.textContent).toBe(`(done · Hanna · ${formatDateTime(AT)})`);
  });

  it.each([
    ["en", "Changed at the same time by Maria (in review) — Hanna’s change (done) was kept"],
    ["ru", "Изменено одновременно в двух местах: Maria — «на проверке», Hanna — «готово». Сохранено второе изменение."],
    ["be", "Зменена адначасова ў двух месцах: Maria — «на праверцы», Hanna — «гатова». Захавана другая змена."],
  ] as const)("shows the concurrent-change notice (%s)", async (lang, expected) => {
    setUiLanguage(lang);
    await show(pane({ concurrent: CONCURRENT }));
    const notice = target.querySelector(".concurrent-notice");
    expect(notice?.getAttribute("role")).toBe("note");
    expect(notice?.textContent).toContain(expected);
  });

  it("reloads when something changed elsewhere", async () => {
    ipc.translationView.mockResolvedValue(pane({ setBy: "Hanna" }));
    const props = $state({ id: "a", lang: "ru", draft: savedDraft(), refresh: 0 });
    mounted = mount(TranslationPanel, { target, props });
    await settle();
    ipc.translationView.mockResolvedValue(pane({ setBy: "Maria" }));
    props.refresh = 1;
    await settle();
    expect(ipc.translationView).toHaveBeenCalledTimes(2);
    expect(target.querySelector(".translation-state")?.textContent).toContain("Maria");
  });
});

describe("the library", () => {
  let target: HTMLElement;
  let mounted: Record<string, unknown> | null = null;

  beforeEach(() => {
    target = document.createElement("div");
    document.body.append(target);
  });

  afterEach(() => {
    if (mounted) unmount(mounted);
    mounted = null;
    target.remove();
  });

  const commentary: Commentary = {
    id: "a",
    title: "Ставка",
    sourceLang: "be",
    issue: "2020-W21",
    section: null,
    trend: null,
    editorial: "approved",
    editorialBy: "Ala",
    editorialAt: AT,
    editorialConcurrent: null,
    inConflict: true,
    versions: [
      { lang: "be", path: "a.be.md", title: "Ставка", words: 1, inConflict: false },
      { lang: "ru", path: "a.ru.md", title: "Ставка", words: 1, inConflict: true },
    ],
    states: [
      { lang: "be", state: "source", setBy: null, setAt: null, concurrent: null },
      { lang: "ru", state: "done", setBy: "Hanna", setAt: AT, concurrent: CONCURRENT },
    ],
  };

  it("puts who set each status in the badges' titles and flags a conflict", () => {
    setUiLanguage("ru");
    mounted = mount(Library, {
      target,
      props: { library: { commentaries: [commentary], problems: [] }, languages: ["be", "ru"], sections: [], selectedId: null, onselect: () => {}, onboard: () => {} },
    });
    flushSync();
    const ru = [...target.querySelectorAll(".badge")].find((b) => b.textContent === "ru");
    expect(ru?.getAttribute("title")).toBe(
      `готово · Hanna · ${formatDateTime(AT)}\nИзменено одновременно в двух местах: Maria — «на проверке», Hanna — «готово». Сохранено второе изменение.`,
    );
    expect(target.querySelector(".editorial-chip")?.getAttribute("title")).toBe(`одобрено · Ala · ${formatDateTime(AT)}`);
    expect(target.querySelector(".conflict-chip")?.textContent).toContain("конфликт");
    expect(target.querySelector(".commentary")?.getAttribute("aria-label")).toContain("конфликт");
  });
});

describe("a draft with conflict markers", () => {
  it.each([
    ["en", "This file has merge conflict markers", "delete the marker lines"],
    ["ru", "В файле остались метки конфликта слияния", "удалите строки-метки"],
    ["be", "У файле засталіся меткі канфлікту зліцця", "выдаліце радкі-меткі"],
  ] as const)("gets a banner saying what to do (%s)", (lang, heading, todo) => {
    setUiLanguage(lang);
    const target = document.createElement("div");
    const error = { kind: "conflict_markers" as const, code: null, args: {}, message: "2020-W21/a.ru.md, line 12: a merge left conflict markers here." };
    const banner = mount(ConflictBanner, { target, props: { error } });
    flushSync();
    expect(target.querySelector("[role=alert] h2")?.textContent).toContain(heading);
    expect(target.textContent).toContain(todo);
    expect(target.textContent).toContain("line 12");
    unmount(banner);
  });
});
