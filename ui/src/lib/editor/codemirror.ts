// CodeMirror 6 set up for prose: Markdown with quiet syntax markers, soft wrapping, undo/redo,
// find & replace (CodeMirror's search panel), the browser's spell checker in the draft's language.
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap, panels, placeholder } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { openSearchPanel, search, searchKeymap } from "@codemirror/search";
// Edit ▸ Undo/Redo run these on the text (the keys go through historyKeymap).
export { redo, undo } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";

// Classes, not inline colours: the stylesheet (styles.css) themes them for light and dark.
const prose = HighlightStyle.define([
  { tag: tags.heading1, class: "cm-h1" },
  { tag: tags.heading2, class: "cm-h2" },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], class: "cm-h3" },
  { tag: tags.processingInstruction, class: "cm-marker" },
  { tag: tags.emphasis, class: "cm-em" },
  { tag: tags.strong, class: "cm-strong" },
  { tag: tags.link, class: "cm-link" },
  { tag: tags.url, class: "cm-marker" },
  { tag: tags.quote, class: "cm-quote" },
  { tag: tags.monospace, class: "cm-code" },
]);

export interface EditorHooks {
  /** The text changed; `read` gives it when needed (no copy of the whole text per key). */
  onChange: (read: () => string) => void;
  onSave: () => void;
  label: string;
  hint: string;
  /** CodeMirror's phrases (the search panel's words) in the UI language (see find.ts). */
  phrases: Record<string, string>;
  /** The draft's language: the spell checker and hyphenation follow it. */
  lang: string;
  /** Where the find bar goes: a place that stays in view while the text scrolls. */
  findBar?: HTMLElement;
}

// Replaced in place when the UI language changes, so an open panel speaks the new language.
const phrases = new Compartment();

/** Opens the search panel with the caret in its Find or its Replace field; `bar` is where the
 * panel is (the editor's `findBar`, or the editor itself). */
export function openFind(view: EditorView, mode: "find" | "replace", bar: ParentNode = view.dom): boolean {
  if (!openSearchPanel(view)) return false;
  const field = mode === "replace" ? "replace" : "search";
  bar.querySelector<HTMLInputElement>(`.cm-search input[name=${field}]`)?.focus();
  return true;
}

export function setPhrases(view: EditorView, words: Record<string, string>): void {
  view.dispatch({ effects: phrases.reconfigure(EditorState.phrases.of(words)) });
}

export function editorState(doc: string, hooks: EditorHooks): EditorState {
  const extensions: Extension[] = [
    history(),
    search({ top: true }),
    panels(hooks.findBar ? { topContainer: hooks.findBar } : {}),
    phrases.of(EditorState.phrases.of(hooks.phrases)),
    keymap.of([
      { key: "Mod-s", preventDefault: true, run: () => (hooks.onSave(), true) },
      // CodeMirror opens one panel for both on Mod-f; Ctrl+H is where editors put Replace.
      { key: "Mod-h", preventDefault: true, run: (view) => openFind(view, "replace", hooks.findBar) },
      ...searchKeymap,
      ...historyKeymap,
      ...defaultKeymap,
    ]),
    markdown(),
    syntaxHighlighting(prose),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ "aria-label": hooks.label, spellcheck: "true", lang: hooks.lang }),
    placeholder(hooks.hint),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) {
        const doc = update.state.doc;
        hooks.onChange(() => doc.toString());
      }
    }),
  ];
  return EditorState.create({ doc, extensions });
}

export function createEditor(parent: HTMLElement, doc: string, hooks: EditorHooks): EditorView {
  return new EditorView({ state: editorState(doc, hooks), parent });
}
