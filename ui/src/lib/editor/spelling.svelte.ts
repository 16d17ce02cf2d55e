// Spell checking in the open draft's language: the shell switches WebKitGTK's checker to the
// draft's dictionary (src-tauri/spelling.rs); the user can turn it off, which this computer
// remembers (like the preview and the panes' widths, it is about this screen, not the person).
import type { SpellingView } from "../../ipc";
import { t } from "../../i18n";

const STORAGE_KEY = "galley.spelling";

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) !== "off";
  } catch {
    return true;
  }
}

/** Whether misspellings are marked; the editor follows a change at once. */
export const spelling = $state({ on: stored() });

export function setSpellingOn(on: boolean): void {
  spelling.on = on;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, on ? "on" : "off");
  } catch {
    // Not remembered (no storage); it still applies until the app closes.
  }
}

/** What the editor says under the text when it cannot check, or null when all is well. */
export function spellingNotice(view: SpellingView): string | null {
  switch (view.state) {
    case "missing":
      return t("spellingMissing", { dictionary: view.dictionary, package: view.package });
    case "noDictionary":
      return t("spellingNoDictionary", { lang: view.lang });
    default:
      return null;
  }
}
