import type { UiLanguageTag } from "../ipc/bindings";
import { be } from "./be";
import { en, type MessageKey } from "./en";
import { currentLanguage, setCurrentLanguage } from "./locale.svelte";
import { ru } from "./ru";

export type { MessageKey };

/** One catalogue per UI language, each with exactly en's keys (the type says so). */
export const catalogues: Record<UiLanguageTag, Record<MessageKey, string>> = { en, ru, be };

export const UI_LANGUAGES: readonly UiLanguageTag[] = ["en", "ru", "be"];

/** The language the UI speaks (also picks section titles from the workspace settings). */
export function uiLanguage(): UiLanguageTag {
  return currentLanguage();
}

/** Switches the whole UI at once; remembering it is the profile's job. */
export function setUiLanguage(lang: UiLanguageTag): void {
  setCurrentLanguage(lang);
}

/** The message for `key`, with `{name}` placeholders replaced from `values` (numbers formatted
 * for the UI language). */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return catalogues[currentLanguage()][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(value) : value;
  });
}

/** Messages counted in the UI language's plural forms: `<base>_one`, `_few`, `_many`, `_other`. */
export type CountedKey = "diffWords" | "diffParagraphs" | "diffFields" | "errorBytes" | "errorDrafts";

/** "1 word", "2 словы", "5 абзацев": `{n}` in the plural form the UI language uses for `n`. */
export function tCount(base: CountedKey, n: number): string {
  const category = new Intl.PluralRules(currentLanguage()).select(n);
  const form = category === "one" || category === "few" || category === "many" ? category : "other";
  return t(`${base}_${form}` as MessageKey, { n });
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(value);
}

/** A moment (ISO 8601) as the UI language writes dates and times. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}
