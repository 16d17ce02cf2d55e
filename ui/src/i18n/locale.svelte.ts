// The UI language as reactive state: components that call `t()` re-render when it changes.
import type { UiLanguageTag } from "../ipc/bindings";

const current = $state<{ lang: UiLanguageTag }>({ lang: "en" });

export function currentLanguage(): UiLanguageTag {
  return current.lang;
}

export function setCurrentLanguage(lang: UiLanguageTag): void {
  current.lang = lang;
  // Screen readers and hyphenation follow the document's language.
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}
