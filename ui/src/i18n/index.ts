import { en, type MessageKey } from "./en";

// One catalogue for now; the language switch comes with the ru/be catalogues.
const catalogue: Record<MessageKey, string> = en;

/** The language the UI speaks (used to pick section titles from the workspace settings). */
export const uiLanguage = "en";

/** The message for `key`, with `{name}` placeholders replaced from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
