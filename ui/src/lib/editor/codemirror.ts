// CodeMirror 6 set up for prose: Markdown with quiet syntax markers, soft wrapping, undo/redo.
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
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
}

export function editorState(doc: string, hooks: EditorHooks): EditorState {
  const extensions: Extension[] = [
    history(),
    keymap.of([
      { key: "Mod-s", preventDefault: true, run: () => (hooks.onSave(), true) },
      ...historyKeymap,
      ...defaultKeymap,
    ]),
    markdown(),
    syntaxHighlighting(prose),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ "aria-label": hooks.label, spellcheck: "true" }),
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
