// @vitest-environment happy-dom
// Find & replace in the editor: CodeMirror's search panel worded from the catalogues, opened
// with Ctrl+F / Ctrl+H, and a replacement reaching the draft like typing does.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { replaceAll, SearchQuery, setSearchQuery } from "@codemirror/search";
import { createEditor, openFind, setPhrases } from "../src/lib/editor/codemirror";
import { findInEditor, FIND_EVENT, SEARCH_PHRASE_KEYS, searchPhrases } from "../src/lib/editor/find";
import { catalogues, setUiLanguage } from "../src/i18n";

// happy-dom replaces URL, so the file is found from the UI folder vitest runs in.
const searchSource = readFileSync(resolve(process.cwd(), "node_modules/@codemirror/search/dist/index.js"), "utf8");

function editor(doc: string, changes: string[] = [], findBar?: HTMLElement) {
  const parent = document.createElement("div");
  document.body.append(parent);
  const view = createEditor(parent, doc, {
    findBar,
    onChange: (read) => changes.push(read()),
    onSave: () => {},
    label: "Text",
    hint: "",
    phrases: searchPhrases(),
    lang: "be",
  });
  return { view, parent, changes };
}

afterEach(() => {
  setUiLanguage("en");
  document.body.innerHTML = "";
});

describe("the search panel's words", () => {
  it("cover every phrase CodeMirror's search panel asks for", () => {
    const asked = new Set(
      [...searchSource.matchAll(/phrase\((?:view, )?"([^"]+)"/g)].map((match) => match[1] ?? ""),
    );
    expect(asked.size).toBeGreaterThan(10);
    expect([...asked].filter((phrase) => !(phrase in SEARCH_PHRASE_KEYS))).toEqual([]);
  });

  it("are in every catalogue, translated", () => {
    for (const key of Object.values(SEARCH_PHRASE_KEYS)) {
      expect(catalogues.ru[key]).not.toBe(catalogues.en[key]);
      expect(catalogues.be[key]).not.toBe(catalogues.en[key]);
    }
  });

  it("keep CodeMirror's $ where it fills in a number", () => {
    for (const [phrase, key] of Object.entries(SEARCH_PHRASE_KEYS)) {
      for (const catalogue of Object.values(catalogues)) {
        expect(catalogue[key].includes("$"), `${key}`).toBe(phrase.includes("$"));
      }
    }
  });
});

describe("find & replace", () => {
  it("Ctrl+F's action opens the panel in the UI language with the caret in Find", () => {
    setUiLanguage("ru");
    const { view, parent } = editor("Тэкст пра рэформу.");
    expect(findInEditor("find", parent.ownerDocument)).toBe(false); // the host class is the component's
    parent.classList.add("markdown-editor");
    parent.addEventListener(FIND_EVENT, (event) => openFind(view, (event as CustomEvent).detail));
    expect(findInEditor("find")).toBe(true);
    const find = parent.querySelector<HTMLInputElement>(".cm-search input[name=search]");
    expect(find?.placeholder).toBe("Найти");
    expect(document.activeElement).toBe(find);
    expect(parent.querySelector(".cm-search button[name=replaceAll]")?.textContent).toBe("Заменить все");
  });

  it("Ctrl+H opens the panel with the caret in Replace", () => {
    const { view, parent } = editor("Teh goverment.");
    view.contentDOM.dispatchEvent(new KeyboardEvent("keydown", { key: "h", ctrlKey: true, bubbles: true, cancelable: true }));
    const replace = parent.querySelector<HTMLInputElement>(".cm-search input[name=replace]");
    expect(replace).not.toBeNull();
    expect(document.activeElement).toBe(replace);
  });

  it("puts the panel in the find bar the page keeps in view", () => {
    const bar = document.createElement("div");
    document.body.append(bar);
    const { view, parent } = editor("Teh goverment.", [], bar);
    view.contentDOM.dispatchEvent(new KeyboardEvent("keydown", { key: "h", ctrlKey: true, bubbles: true, cancelable: true }));
    expect(parent.querySelector(".cm-search")).toBeNull();
    expect(document.activeElement).toBe(bar.querySelector(".cm-search input[name=replace]"));
  });

  it("a replacement changes the text the way typing does, so the draft saves it", () => {
    const { view, changes } = editor("Teh goverment and teh law.");
    openFind(view, "replace");
    view.dispatch({ effects: setSearchQuery.of(new SearchQuery({ search: "teh", replace: "the" })) });
    expect(replaceAll(view)).toBe(true);
    expect(view.state.doc.toString()).toBe("the goverment and the law.");
    expect(changes.at(-1)).toBe("the goverment and the law.");
  });

  it("follows a switch of the UI language while open", () => {
    const { view, parent } = editor("Text.");
    openFind(view, "find");
    setUiLanguage("be");
    setPhrases(view, searchPhrases());
    expect(parent.querySelector<HTMLInputElement>(".cm-search input[name=search]")?.placeholder).toBe("Знайсці");
  });

  it("marks the text with the draft's language and for the spell checker", () => {
    const { view } = editor("Тэкст.");
    expect(view.contentDOM.getAttribute("lang")).toBe("be");
    expect(view.contentDOM.getAttribute("spellcheck")).toBe("true");
  });
});
