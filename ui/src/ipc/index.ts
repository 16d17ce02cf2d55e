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
  InitPrompt,
  Library,
  MenuAction,
  OpenOutcome,
  RecentEntry,
  SaveResult,
  SourceChanges,
  TranslationPane,
  VersionInfo,
  WorkspaceInfo,
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
  InitPrompt,
  MenuAction,
  OpenOutcome,
  RecentEntry,
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

// ---- the shell: workspaces, menus, readiness ----
export const listRecent = (): Promise<RecentEntry[]> => call("list_recent");
/** Opens the native folder dialog; `prompt` is the question asked if the folder is not a workspace. */
export const openWorkspace = (prompt: InitPrompt): Promise<OpenOutcome> => call("open_workspace", { prompt });
/** Reopens a folder from the recent list (the app refuses any other path). */
export const openRecent = (path: string): Promise<OpenOutcome> => call("open_recent", { path });
export const uiReady = (): Promise<void> => call("ui_ready");

/** Calls `handler` with each action chosen in the native menu. */
export async function onMenu(handler: (action: MenuAction) => void): Promise<() => void> {
  return listen<MenuAction>("menu", (event) => handler(event.payload));
}

/** Calls `handler` with the new root whenever the app switched to another workspace. */
export async function onWorkspaceSwitched(handler: (root: string) => void): Promise<() => void> {
  return listen<string>("workspace-switched", (event) => handler(event.payload));
}
