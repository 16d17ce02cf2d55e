// Errors in the user's language. An error with a code (one of ERROR_CODES) is worded entirely
// from the catalogues with its facts filled in; the core's English sentence is shown only for an
// error without one (its detail is free text), after the kind's sentence.
import { t, tCount, uiLanguage, type CountedKey, type MessageKey } from "../i18n";
// The generated list itself (plain data), so views whose tests swap out the IPC module still
// know which codes the app words.
import { ERROR_CODES, type ErrorCode, type ErrorDto, type ErrorKind, type SectionInfo } from "../ipc/bindings";
import { editorialKey } from "./board/board";
import { sectionTitle } from "./library";

// Typed so that a kind without its catalogue entry fails the build, not the user.
const kindKey = (kind: ErrorKind): `error_${ErrorKind}` & MessageKey => `error_${kind}`;
const codeKey = (code: ErrorCode): `errorCode_${ErrorCode}` & MessageKey => `errorCode_${code}`;

export function errorKindText(kind: ErrorKind): string {
  return t(kindKey(kind));
}

/** Whether the app words this code itself (the generated list; a code from a newer core is not). */
export function isKnownCode(code: string | null): code is ErrorCode {
  return code !== null && (ERROR_CODES as readonly string[]).includes(code);
}

const causeKey: Record<string, MessageKey> = {
  disk_full: "errorCause_disk_full",
  read_only: "errorCause_read_only",
  permission: "errorCause_permission",
  folder_gone: "errorCause_folder_gone",
  disk_error: "errorCause_disk_error",
};
const edgeKey: Record<string, MessageKey> = { first: "errorEdge_first", last: "errorEdge_last" };
const foundKey: Record<string, MessageKey> = {
  text: "errorFound_text",
  list: "errorFound_list",
  mapping: "errorFound_mapping",
  empty: "errorFound_empty",
};
const filterKey: Record<string, MessageKey> = {
  lang: "errorFilter_lang",
  issue: "errorFilter_issue",
  section: "errorFilter_section",
  author: "errorFilter_author",
  trend: "errorFilter_trend",
  status: "errorFilter_status",
};
const unsafeKey: Record<string, MessageKey> = { link: "errorUnsafe_link", machine_file: "errorUnsafe_machine_file" };

// The open workspace's sections, so a sentence names a section as the board does, not by its key.
let workspaceSections: readonly SectionInfo[] = [];

/** Tells error sentences the open workspace's sections (and their names per language). */
export function setErrorSections(sections: readonly SectionInfo[]): void {
  workspaceSections = sections;
}

/** A section key as the UI language names it; the key itself when the workspace has no name. */
function sectionName(key: string | undefined): string | undefined {
  return key === undefined ? undefined : sectionTitle(key, workspaceSections, uiLanguage());
}

/** A count in the UI language's plural form ("1 байт", "3 байты", "5 байтаў"). */
function counted(key: CountedKey, value: string | undefined): string | undefined {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) ? tCount(key, n) : value;
}

/** A tag as the catalogue words it, or as the core sent it when the catalogue has no word. */
function word(keys: Record<string, MessageKey>, tag: string | undefined): string | undefined {
  const key = tag === undefined ? undefined : keys[tag];
  return key ? t(key) : tag;
}

/** The facts as the sentence shows them: counts in plural forms, tags as words. */
function values(code: ErrorCode, args: Record<string, string>): Record<string, string> {
  const out: Record<string, string | undefined> = { ...args };
  if (code === "too_large") {
    out.size = counted("errorBytes", args.size);
    out.limit = counted("errorBytes", args.limit);
  }
  if (code === "write_failed") out.cause = word(causeKey, args.cause);
  if (code === "move_at_edge") out.edge = word(edgeKey, args.edge);
  if (code === "status_unchanged" || code === "approval_needs_review") out.status = word(editorialKey, args.status);
  if (code === "status_missing_not_settable") out.missing = t("state_missing");
  if (code === "language_in_use" || code === "section_in_use") out.count = counted("errorDrafts", args.count);
  if (code === "section_unknown" || code === "section_in_use" || code === "move_at_edge") out.section = sectionName(args.section);
  if (code === "section_unknown" || code === "draft_section_not_listed") {
    out.sections = args.sections?.split(", ").map(sectionName).join(", ");
  }
  if (code === "name_too_long" || code === "xliff_too_large") {
    out.size = counted("errorBytes", args.size);
    out.limit = counted("errorBytes", args.limit);
  }
  if (code === "draft_not_mapping" || code === "draft_field_not_text" || code === "draft_item_not_text") {
    out.found = word(foundKey, args.found);
  }
  if (code === "search_filter_invalid") out.filter = word(filterKey, args.filter);
  if (code === "sync_unsafe_path") out.reason = word(unsafeKey, args.reason);
  return Object.fromEntries(Object.entries(out).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The catalogue key of a code's sentence; a write that did land reads differently. */
function sentenceKey(code: ErrorCode, args: Record<string, string>): MessageKey {
  if (code === "write_failed" && args.replaced === "true") return "errorCode_write_failed_replaced";
  return codeKey(code);
}

/** The error's own sentence in the UI language, or `null` when it has no code the app knows. */
export function errorSentence(error: ErrorDto): string | null {
  const code = error.code;
  if (!isKnownCode(code)) return null;
  return t(sentenceKey(code, error.args), values(code, error.args));
}

/** What a notice shows: `lead` always in the UI language; `detail` is the core's English
 * sentence, only for an error that has no code to word it by. */
export function errorParts(error: ErrorDto): { lead: string; detail: string | null } {
  const sentence = errorSentence(error);
  if (sentence !== null) return { lead: sentence, detail: null };
  return { lead: errorKindText(error.kind), detail: error.message };
}

/** The error as one line of text (for inline notices). */
export function errorText(error: ErrorDto): string {
  const { lead, detail } = errorParts(error);
  return detail ? `${lead} ${detail}` : lead;
}
