// The only module that talks to Tauri. Everything else imports these functions and the
// generated types, never `@tauri-apps/api`.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type {
  DiffView,
  DraftView,
  ErrorDto,
  FolderChanges,
  FrontFields,
  Library,
  PreviewView,
  SaveResult,
  SearchHitView,
  SearchQuery,
  SourceChanges,
  TranslationPane,
  VersionInfo,
  WorkspaceInfo,
  XliffImported,
  XliffSaved,
} from "./bindings";

export type {
  Commentary,
  DiffView,
  DraftView,
  FileChange,
  FolderChanges,
  FrontFields,
  HunkView,
  LanguageState,
  LanguageStatus,
  PairView,
  SourceChanges,
  TranslationPane,
  ParagraphView,
  SaveResult,
  SpanView,
  VersionInfo,
  ErrorDto,
  LanguageVersion,
  Library,
  SectionInfo,
  WorkspaceInfo,
  PreviewView,
  SearchHitView,
  SearchQuery,
  TextPart,
  XliffImported,
  XliffSaved,
} from "./bindings";

/** Commands reject with an ErrorDto; anything else (a bug, a broken bridge) is wrapped in one. */
export function asErrorDto(reason: unknown): ErrorDto {
  if (typeof reason === "object" && reason !== null && "kind" in reason && "message" in reason) {
    const { kind, message } = reason as Record<string, unknown>;
    return { kind: String(kind), message: String(message) };
  }
  return { kind: "internal", message: String(reason) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw asErrorDto(reason);
  }
}

export const openWorkspaceInfo = (): Promise<WorkspaceInfo> => call("open_workspace_info");
export const listCommentaries = (): Promise<Library> => call("list_commentaries");
export const readDraft = (path: string): Promise<DraftView> => call("read_draft", { path });

export const editFields = (path: string, text: string, fields: FrontFields): Promise<string> =>
  call("edit_fields", { path, text, fields });
export const saveDraft = (path: string, text: string, loadedHash: string | null): Promise<SaveResult> =>
  call("save_draft", { path, text, loadedHash });
export const listVersions = (path: string): Promise<VersionInfo[]> => call("list_versions", { path });
export const diffVersions = (old: number, newer: number): Promise<DiffView> =>
  call("diff_versions", { old, new: newer });
export const labelVersion = (id: number, label: string | null): Promise<VersionInfo> =>
  call("label_version", { id, label });
export const restoreVersion = (id: number): Promise<VersionInfo> => call("restore_version", { id });

/** Calls `handler` whenever other programs changed drafts (already recorded as versions). */
export async function onFolderChanges(handler: (changes: FolderChanges) => void): Promise<() => void> {
  return listen<FolderChanges>("workspace-changed", (event) => handler(event.payload));
}

export const translationView = (id: string, lang: string): Promise<TranslationPane> =>
  call("translation_view", { id, lang });
export const setTranslationStatus = (id: string, lang: string, status: string): Promise<TranslationPane> =>
  call("set_translation_status", { id, lang, status });
export const translationSourceDiff = (id: string, lang: string): Promise<SourceChanges> =>
  call("translation_source_diff", { id, lang });
export const markMinor = (version: number, minor: boolean): Promise<void> => call("mark_minor", { version, minor });

// Preview, search and XLIFF.
/** The unsaved `text` of the draft at `path` through the core's sanitizer. */
export const renderPreview = (path: string, text: string): Promise<PreviewView> =>
  call("render_preview", { path, text });
export const searchDrafts = (request: SearchQuery): Promise<SearchHitView[]> => call("search_drafts", { request });
/** Writes the job to `exports/xliff/` in the workspace, or (with `choose`) where the native
 * save dialog says; `null` when the dialog was cancelled. */
export const xliffExport = (id: string, lang: string, choose: boolean): Promise<XliffSaved | null> =>
  call("xliff_export", { id, lang, choose });
/** Imports the workspace-relative `path`, or (with `null`) a file picked in the native open
 * dialog; `null` when the dialog was cancelled. */
export const xliffImport = (path: string | null): Promise<XliffImported | null> => call("xliff_import", { path });
