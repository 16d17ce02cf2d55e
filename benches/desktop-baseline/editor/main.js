// A bare CodeMirror 6 editor, the peer Galley's typing is compared with: the `codemirror`
// package's basic setup and the Markdown language. The only additions are soft wrapping, so the
// 25-word paragraphs are laid out as lines of prose as in Galley (not as 170-character lines),
// and a window-high editor that scrolls itself, as Galley's does.
import { basicSetup, EditorView } from "codemirror";
import { markdown } from "@codemirror/lang-markdown";

const { invoke } = window.__TAURI_INTERNALS__;

const doc = await invoke("bench_text");
document.body.style.margin = "0"; // through the CSSOM: the CSP refuses inline style attributes
const fill = EditorView.theme({ "&": { height: "100vh" } });
new EditorView({ doc, extensions: [basicSetup, markdown(), EditorView.lineWrapping, fill], parent: document.body });
// Ready the way the plain page is: once the editor's first frame is drawn.
requestAnimationFrame(() => invoke("ready"));
