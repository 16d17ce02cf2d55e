// The Role setting chooses where the app opens: author → editor, translator → translation
// view, editor → board.
import { describe, expect, it } from "vitest";
import type { Commentary, LanguageState } from "../src/ipc/bindings";
import { startView } from "../src/lib/shell/start";

function commentary(id: string, issue: string | null, states: Record<string, LanguageState>, sourceLang = "be"): Commentary {
  const present = Object.entries(states).filter(([, state]) => state !== "missing");
  return {
    id, title: id, sourceLang, issue, section: "politics", trend: null, editorial: "draft",
    editorialBy: null, editorialAt: null, editorialConcurrent: null, inConflict: false,
    versions: present.map(([lang]) => ({ lang, path: `${issue}/${id}.${lang}.md`, title: id, words: 10, inConflict: false })),
    states: Object.entries(states).map(([lang, state]) => ({ lang, state, setBy: null, setAt: null, concurrent: null })),
  } as Commentary;
}

// Newest issue first, as the library lists them.
const library = [
  commentary("army", "2020-W21", { be: "source", ru: "done", en: "missing" }),
  commentary("rates", "2020-W21", { be: "source", ru: "in-progress", en: "outdated" }),
  commentary("older", "2020-W20", { be: "source", ru: "outdated" }),
];

describe("startView", () => {
  it("opens an author's newest commentary in the editor, in its source language", () => {
    expect(startView("author", library)).toEqual({ kind: "editor", id: "army", lang: "be" });
  });

  it("opens a translator's most urgent translation beside its source, newest first", () => {
    expect(startView("translator", library)).toEqual({ kind: "translation", id: "rates", lang: "en" });
    expect(startView("translator", library.slice(0, 1))).toEqual({ kind: "translation", id: "army", lang: "ru" });
  });

  it("takes the first commentary as the library shows it, sections in the workspace's order", () => {
    const security = { ...commentary("borders", "2020-W21", { be: "source" }), section: "security" };
    expect(startView("author", [...library, security], ["security", "politics"])).toEqual({ kind: "editor", id: "borders", lang: "be" });
  });

  it("opens an editor on the newest issue's board", () => {
    expect(startView("editor", library)).toEqual({ kind: "board", week: "2020-W21" });
  });

  it("falls back to the editor when the role's view has nothing to show", () => {
    const loose = [commentary("draft", null, { ru: "source", be: "missing" }, "ru")];
    expect(startView("editor", loose)).toEqual({ kind: "editor", id: "draft", lang: "ru" });
    expect(startView("translator", loose)).toEqual({ kind: "editor", id: "draft", lang: "ru" });
  });

  it("opens nothing in an empty workspace", () => {
    expect(startView("author", [])).toEqual({ kind: "none" });
    expect(startView("editor", [])).toEqual({ kind: "none" });
  });
});
