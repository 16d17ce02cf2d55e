// Which actions a library row offers, and what each asks for. Pure, so the rule "a source
// with translations cannot be deleted alone" is offered the way the core applies it.
import type { Commentary } from "../../ipc";
import type { MessageKey } from "../../i18n/en";

export type CommentaryAction =
  | { kind: "rename"; lang: string }
  | { kind: "move-week" }
  | { kind: "archive" }
  | { kind: "delete-language"; lang: string }
  | { kind: "delete" };

export interface MenuItem {
  action: CommentaryAction;
  label: MessageKey;
  args?: Record<string, string>;
  danger: boolean;
}

/**
 * The row's actions. Rename names the open language version (else the source). Deleting one
 * language version is offered for a translation that is open, never for the source (the core
 * refuses it while translations remain) nor for the only version (that is deleting it all).
 */
export function menuItems(commentary: Commentary, openLang: string | null): MenuItem[] {
  const langs = commentary.versions.map((v) => v.lang);
  const lang = openLang && langs.includes(openLang) ? openLang : commentary.sourceLang;
  const items: MenuItem[] = [
    { action: { kind: "rename", lang }, label: "actionRename", danger: false },
    { action: { kind: "move-week" }, label: "actionMoveWeek", danger: false },
    { action: { kind: "archive" }, label: "actionArchive", danger: false },
  ];
  if (openLang && openLang !== commentary.sourceLang && langs.includes(openLang) && langs.length > 1) {
    items.push({
      action: { kind: "delete-language", lang: openLang },
      label: "actionDeleteLanguage",
      args: { lang: openLang },
      danger: true,
    });
  }
  items.push({ action: { kind: "delete" }, label: "actionDelete", danger: true });
  return items;
}

/** The title a rename starts from: that language version's own. */
export function titleIn(commentary: Commentary, lang: string): string {
  return commentary.versions.find((v) => v.lang === lang)?.title ?? commentary.title;
}
