// Readiness reasons in the user's language: the core sends a stable code (`kind`) and its facts
// by name (`args`); the words come from the UI's catalogues, and each reason that has one gets
// the action that fixes it. The core's English sentence (with CLI commands) is not shown here.
import type { BlockerView, LanguageReadinessView, ReasonKind } from "../../ipc";
import { t, type MessageKey } from "../../i18n";
import { stateKey } from "../library";
import { editorialKey, type Editorial } from "./board";

export type ReasonFix =
  /** Moves the commentary on in the editorial workflow (undoable on the board). */
  | { kind: "editorial"; id: string; status: "in-review" | "approved" }
  /** Opens the commentary in a language (the translation, the text, the field to fill in). */
  | { kind: "open"; id: string; lang: string }
  /** Puts the cursor in the issue title of a language, on the board. */
  | { kind: "title"; lang: string }
  /** Puts the focus on the row's "Move to section…" control. */
  | { kind: "section"; id: string };

const fieldKey: Record<string, MessageKey> = { title: "fieldTitle", lead: "fieldLead", authors: "authors", trend: "trend" };

/** A status or field tag in words (an editorial status for `not_approved`, else a translation
 * status); anything unknown stays as the core named it. */
function word(kind: ReasonKind, name: string, value: string): string {
  if (name === "field") return fieldKey[value] ? t(fieldKey[value]) : value;
  if (name === "status" && kind === "not_approved" && value in editorialKey) return t(editorialKey[value as Editorial]);
  if (name === "status" && value in stateKey) return t(stateKey[value as keyof typeof stateKey]);
  return value;
}

function values(blocker: BlockerView): Record<string, string> {
  const out: Record<string, string> = { lang: blocker.lang, title: blocker.title || blocker.id };
  for (const [name, value] of Object.entries(blocker.args)) out[name] = word(blocker.kind, name, value);
  return out;
}

/** The catalogue key of a reason's sentence; a few codes read differently with an optional fact. */
function variant(blocker: BlockerView): ReasonKind | "unusable_file_name_taken" | "conflict_copy" {
  if (blocker.kind === "unusable_file_name" && blocker.args.other) return "unusable_file_name_taken";
  if (blocker.kind === "conflict" && blocker.args.copy_of) return "conflict_copy";
  return blocker.kind;
}

/** What is wrong, in the UI's language. */
export function reasonProblem(blocker: BlockerView): string {
  return t(`reason_${variant(blocker)}` as MessageKey, values(blocker));
}

/** What to do about it, in the UI's language. */
export function reasonTodo(blocker: BlockerView): string {
  return t(`reasonTodo_${variant(blocker)}` as MessageKey, values(blocker));
}

/** The action that fixes the reason, when the app has one. */
export function reasonFix(blocker: BlockerView): ReasonFix | null {
  const { id, lang } = blocker;
  switch (blocker.kind) {
    case "not_approved":
      return { kind: "editorial", id, status: blocker.args.status === "in-review" ? "approved" : "in-review" };
    case "translation_not_done":
    case "translation_outdated":
    case "paragraphs_missing":
    case "changed_since_approval":
    case "field_empty":
    case "body_empty":
    case "invalid_draft":
    case "missing_link_target":
      return blocker.path ? { kind: "open", id, lang } : null;
    case "issue_title_missing":
      return { kind: "title", lang };
    case "no_section":
      return id ? { kind: "section", id } : null;
    default:
      return null;
  }
}

/** The fix's button text. */
export function fixLabel(fix: ReasonFix, blocker: BlockerView): string {
  switch (fix.kind) {
    case "editorial":
      return t(fix.status === "approved" ? "reasonFix_approve" : "reasonFix_sendToReview");
    case "open":
      if (blocker.kind === "field_empty") return t("reasonFix_fillIn", values(blocker));
      return t(blocker.path && isTranslationReason(blocker.kind) ? "reasonFix_openTranslation" : "reasonFix_openText", { lang: fix.lang });
    case "title":
      return t("reasonFix_writeTitle", { lang: fix.lang });
    case "section":
      return t("reasonFix_chooseSection");
  }
}

function isTranslationReason(kind: ReasonKind): boolean {
  return kind === "translation_not_done" || kind === "translation_outdated" || kind === "paragraphs_missing";
}

/** Why Export is off, as a sentence; `null` when an export would publish something. */
export function exportBlocked(readiness: LanguageReadinessView[], onlyComplete: boolean): string | null {
  const ready = readiness.filter((language) => language.ready);
  if (readiness.length > 0 && ready.length === 0) return t("exportNothingReady");
  const notReady = readiness.filter((language) => !language.ready).map((language) => language.lang);
  if (!onlyComplete && notReady.length > 0) return t("exportNotAllReady", { languages: notReady.join(", ") });
  return null;
}
