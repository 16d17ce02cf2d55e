// Find & replace in the text: CodeMirror's search panel, worded from the UI's catalogues, and
// how Edit ▸ Find…/Replace… (and Ctrl+F/Ctrl+H outside the text) reach the editor.
import { t, type MessageKey } from "../../i18n";

/** CodeMirror's own phrases (`EditorState.phrases`) used by the search panel and Go to line,
 * each with its message in the catalogues. CodeMirror fills `$` itself. */
export const SEARCH_PHRASE_KEYS: Readonly<Record<string, MessageKey>> = {
  Find: "findField",
  Replace: "findReplaceField",
  next: "findNext",
  previous: "findPrevious",
  all: "findAll",
  "match case": "findMatchCase",
  regexp: "findRegexp",
  "by word": "findByWord",
  replace: "findReplaceOne",
  "replace all": "findReplaceAll",
  close: "findClose",
  "current match": "findCurrentMatch",
  "on line": "findOnLine",
  "replaced match on line $": "findReplacedOne",
  "replaced $ matches": "findReplacedMany",
  "Go to line": "findGoToLine",
  go: "findGo",
};

/** The panel's phrases in the UI language as it is now. */
export function searchPhrases(): Record<string, string> {
  return Object.fromEntries(Object.entries(SEARCH_PHRASE_KEYS).map(([phrase, key]) => [phrase, t(key)]));
}

/** Which field of the panel takes the caret. */
export type FindMode = "find" | "replace";

/** The DOM event the open editor listens to (the editor may not have the focus). */
export const FIND_EVENT = "galley-find";

/** Opens the search panel of the editor on the page, if there is one; returns whether there was. */
export function findInEditor(mode: FindMode, root: ParentNode = document): boolean {
  const editor = root.querySelector(".markdown-editor");
  if (!editor) return false;
  editor.dispatchEvent(new CustomEvent<FindMode>(FIND_EVENT, { detail: mode }));
  return true;
}
