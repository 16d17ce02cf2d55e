// CodeMirror is most of the UI's code: it is loaded when an editor is first needed (or when
// the app is idle after the first screen), so the library shows without parsing it.
type EditorModule = typeof import("./codemirror");

let loading: Promise<EditorModule> | null = null;

export function loadEditor(): Promise<EditorModule> {
  loading ??= import("./codemirror");
  return loading;
}
