// Spell checking in the language being written: the shell switches WebKitGTK's checker to that
// language's dictionary (src-tauri/spelling.rs) — the draft's in the editor, the translation's in
// the translation view; the user can turn it off, which this computer remembers (like the
// preview and the panes' widths, it is about this screen, not the person).
import { setSpelling, type SpellingView } from "../../ipc";
import { t } from "../../i18n";
import { firstScreenDrawn } from "../shell/first-screen";

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

/** Switches the checker to `lang` (or off, as the setting says), once the first screen is
 * drawn. Called from an effect, it reads the setting there, so turning it off applies at once.
 * Resolves to what the shell says, or null when it could not be asked. */
export function checkSpellingIn(lang: string): Promise<SpellingView | null> {
  const on = spelling.on;
  return firstScreenDrawn.then(() => setSpelling(lang, on)).catch(() => null);
}

/** What the page marks itself with (`data-spelling`): the dictionary in use, or why none. */
export function spellingMark(view: SpellingView | null): string | undefined {
  if (!view) return undefined;
  return view.state === "checking" ? view.dictionary : view.state;
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
