// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, tick, unmount } from "svelte";
import type { Commentary, TrashEntryView } from "../src/ipc/bindings";

// The IPC module swapped for a fake, so the dialogs' calls and the core's refusals are seen.
const ipc = vi.hoisted(() => ({
  createCommentary: vi.fn(),
  listTrash: vi.fn(),
  restoreFromTrash: vi.fn(),
}));
vi.mock("../src/ipc", () => ({ ...ipc, asErrorDto: (reason: unknown) => reason }));

const { default: NewCommentaryDialog } = await import("../src/lib/actions/NewCommentaryDialog.svelte");
const { default: TrashView } = await import("../src/lib/actions/TrashView.svelte");
const { default: CommentaryMenu } = await import("../src/lib/actions/CommentaryMenu.svelte");
const { setUiLanguage } = await import("../src/i18n");

const settle = async () => {
  for (let i = 0; i < 5; i++) await tick();
  flushSync();
};

const ENTRY: TrashEntryView = {
  name: "20201203T074512Z-pxq253v3kb",
  archived: false,
  id: "pxq253v3kb",
  title: "Reserve call-up",
  lang: null,
  by: "Alena",
  at: "2020-12-03T07:45:12Z",
  week: "2020-W20",
  files: ["2020-W20/a.be.md", "2020-W20/a.ru.md"],
};

describe("the everyday actions' dialogs", () => {
  const mounted: Record<string, unknown>[] = [];
  afterEach(() => {
    mounted.splice(0).forEach((c) => void unmount(c));
    document.body.innerHTML = "";
    setUiLanguage("en");
    vi.clearAllMocks();
  });

  function place<P extends Record<string, unknown>>(component: never, props: P): HTMLElement {
    const target = document.createElement("div");
    document.body.append(target);
    mounted.push(mount(component, { target, props }));
    flushSync();
    return target;
  }

  it("creates a commentary from the form and keeps it open with the core's refusal", async () => {
    const created = vi.fn();
    const closed = vi.fn();
    const target = place(NewCommentaryDialog as never, {
      commentaries: [],
      languages: ["be", "ru", "en"],
      sections: [{ key: "economy", titles: { en: "Economy" } }],
      fromWeek: "2020-W21",
      oncreated: created,
      onclose: closed,
    });
    const confirm = target.querySelector<HTMLButtonElement>(".action-confirm");
    expect(confirm?.disabled).toBe(true);
    const title = target.querySelector<HTMLInputElement>(".new-title");
    if (!title) throw new Error("no title field");
    title.value = "Grain exports resume";
    title.dispatchEvent(new Event("input"));
    flushSync();
    expect(confirm?.disabled).toBe(false);

    ipc.createCommentary.mockRejectedValueOnce({ kind: "invalid", code: null, args: {}, message: "2020-W21/grain.be.md is invalid: a file with that name exists already" });
    target.querySelector("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    await settle();
    expect(ipc.createCommentary).toHaveBeenCalledWith("Grain exports resume", "be", "2020-W21", "economy");
    expect(target.querySelector(".form-error")?.textContent).toContain("exists already");
    expect(closed).not.toHaveBeenCalled();

    ipc.createCommentary.mockResolvedValueOnce({ id: "abc", path: "2020-W21/grain-exports-resume.be.md" });
    target.querySelector("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    await settle();
    expect(created).toHaveBeenCalledWith({ id: "abc", path: "2020-W21/grain-exports-resume.be.md" }, "be");
    expect(closed).toHaveBeenCalled();
  });

  it("lists the trash in the UI language and restores an entry by its name", async () => {
    setUiLanguage("be");
    ipc.listTrash.mockResolvedValue([ENTRY]);
    ipc.restoreFromTrash.mockResolvedValue(ENTRY);
    const restored = vi.fn();
    const target = place(TrashView as never, { refresh: 0, onrestored: restored, onclose: () => {} });
    await settle();
    expect(target.querySelector("h2")?.textContent).toBe("Сметніца і архіў");
    const row = target.querySelector(`[data-entry="${ENTRY.name}"]`);
    expect(row?.textContent).toContain("Reserve call-up");
    expect(row?.textContent).toContain("усе моўныя версіі (файлаў: 2)");
    row?.querySelector<HTMLButtonElement>(".trash-restore")?.click();
    await settle();
    expect(ipc.restoreFromTrash).toHaveBeenCalledWith(ENTRY.name);
    expect(restored).toHaveBeenCalledWith(ENTRY);
  });

  it("the commentary's ⋯ menu works from the keyboard and says why it closed", () => {
    const three: Commentary = {
      id: "a", title: "Армія", sourceLang: "be", issue: "2020-W20", section: "security", trend: null,
      editorial: "draft", editorialBy: null, editorialAt: null, editorialConcurrent: null, inConflict: false,
      versions: ["be", "ru"].map((lang) => ({ lang, path: `a.${lang}.md`, title: `a in ${lang}`, words: 1, inConflict: false })),
      states: [],
    };
    setUiLanguage("be");
    const chosen = vi.fn();
    const closed = vi.fn();
    const target = place(CommentaryMenu as never, { commentary: three, lang: "ru", onaction: chosen, onclose: closed });
    const items = [...target.querySelectorAll<HTMLButtonElement>("[role=menuitem]")];
    expect(items.map((b) => b.className.split(" ")[0])).toEqual(["menu-rename", "menu-move-week", "menu-archive", "menu-delete-language", "menu-delete"]);
    expect(items[0]?.textContent?.trim()).toBe("Перайменаваць…");
    expect(document.activeElement).toBe(items[0]);
    const press = (key: string) => target.querySelector("[role=menu]")?.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    press("ArrowUp");
    expect(document.activeElement).toBe(items[4]);
    press("ArrowDown");
    expect(document.activeElement).toBe(items[0]);
    press("Escape");
    expect(closed).toHaveBeenLastCalledWith("escape");
    items[0]?.click();
    expect(chosen).toHaveBeenCalledWith({ kind: "rename", lang: "ru" });
    expect(closed).toHaveBeenLastCalledWith("chosen");
  });
});
