// The only module that talks to Tauri. Everything else imports these functions and the
// generated types, never `@tauri-apps/api`.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { ERROR_KINDS } from "./bindings";
import type {
  BoardView,
  CatchUpProgress,
  DiffView,
  DraftView,
  ErrorDto,
  ExportProgress,
  ExportResult,
  ExportTarget,
  FolderChanges,
  FieldsResult,
  FrontFields,
  InitPrompt,
  Library,
  PreviewView,
  MenuAction,
  OpenOutcome,
  RecentEntry,
  SaveResult,
  SearchHitView,
  SearchQuery,
  SourceChanges,
  TranslationPane,
  VersionInfo,
  WorkspaceInfo,
  ProfileInput,
  ProfileView,
  WorkspaceSettings,
  SettingsSaved,
  XliffImported,
  XliffSaved,
  SyncStatus,
  SyncOutcome,
  SyncConflictView,
  ConflictSide,
  ConflictPartsView,
  ConflictChoices,
  ClonePrompt,
} from "./bindings";

export type {
  SyncStatus,
  SyncOutcome,
  SyncConflictView,
  ConflictSide,
  ConflictPartsView,
  ConflictPieceView,
  ConflictChoices,
  AutoSyncSettings,
  BlockerView,
  ReasonKind,
  BoardCellView,
  BoardConflictView,
  BoardRowView,
  BoardSection,
  BoardView,
  ExportProgress,
  ExportResult,
  NotMadeView,
  NotMadeFormat,
  ExportTarget,
  LanguageReadinessView,
  Commentary,
  ConcurrentEditorial,
  ConcurrentLabel,
  ConcurrentStatus,
  EditorialState,
  DiffView,
  DraftView,
  CatchUpProgress,
  FileChange,
  FolderChanges,
  FieldsResult,
  FrontFields,
  HunkView,
  LanguageState,
  LanguageStatus,
  RowView,
  JobWordsView,
  SourceChanges,
  TranslationPane,
  ParagraphView,
  SaveResult,
  SpanView,
  VersionInfo,
  ErrorDto,
  ErrorKind,
  LanguageVersion,
  Library,
  SectionInfo,
  WorkspaceInfo,
  ProfileInput,
  ProfileView,
  RoleTag,
  UiLanguageTag,
  WorkspaceSettings,
  SectionSettings,
  PublicationSettings,
  TrendSentences,
  SettingsSaved,
  PreviewView,
  SearchHitView,
  SearchQuery,
  TextPart,
  XliffImported,
  XliffSaved,
  InitPrompt,
  MenuAction,
  OpenOutcome,
  RecentEntry,
} from "./bindings";

export { ERROR_KINDS, REASON_KINDS } from "./bindings";

/** Commands reject with an ErrorDto; anything else (a bug, a broken bridge, a kind this UI does
 * not know) is wrapped in an `internal` one that keeps the message. */
export function asErrorDto(reason: unknown): ErrorDto {
  if (typeof reason === "object" && reason !== null && "kind" in reason && "message" in reason) {
    const { kind, message } = reason as Record<string, unknown>;
    const known = ERROR_KINDS.find((k) => k === kind);
    if (known) return { kind: known, message: String(message) };
    return { kind: "internal", message: `${String(kind)}: ${String(message)}` };
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

export const editFields = (path: string, text: string, fields: FrontFields): Promise<FieldsResult> =>
  call("edit_fields", { path, text, fields });
export const saveDraft = (path: string, text: string, loadedHash: string | null): Promise<SaveResult> =>
  call("save_draft", { path, text, loadedHash });
export const listVersions = (path: string): Promise<VersionInfo[]> => call("list_versions", { path });
export const diffVersions = (old: number, newer: number): Promise<DiffView> =>
  call("diff_versions", { old, new: newer });
export const labelVersion = (id: number, label: string | null): Promise<VersionInfo> =>
  call("label_version", { id, label });
export const restoreVersion = (id: number): Promise<VersionInfo> => call("restore_version", { id });

/** Calls `handler` whenever other programs changed drafts (already recorded as versions) or
 * another machine's records arrived (`recordsChanged`: statuses, labels, who set them). */
export async function onFolderChanges(handler: (changes: FolderChanges) => void): Promise<() => void> {
  return listen<FolderChanges>("workspace-changed", (event) => handler(event.payload));
}

/** Calls `handler` as the background reading of a folder the cache had not seen (a fresh
 * clone) comes along; `workspace-changed` follows when it is done. */
export async function onCatchUpProgress(handler: (progress: CatchUpProgress) => void): Promise<() => void> {
  return listen<CatchUpProgress>("catch-up-progress", (event) => handler(event.payload));
}

export const translationView = (id: string, lang: string): Promise<TranslationPane> =>
  call("translation_view", { id, lang });
export const setTranslationStatus = (id: string, lang: string, status: string): Promise<TranslationPane> =>
  call("set_translation_status", { id, lang, status });
export const translationSourceDiff = (id: string, lang: string): Promise<SourceChanges> =>
  call("translation_source_diff", { id, lang });
export const markMinor = (version: number, minor: boolean): Promise<void> => call("mark_minor", { version, minor });
export const startTranslation = (id: string, lang: string): Promise<TranslationPane> =>
  call("start_translation", { id, lang });
export const markHandled = (id: string, lang: string, key: string): Promise<TranslationPane> =>
  call("mark_handled", { id, lang, key });
export const restoreTranslationStatus = (id: string, lang: string, event: string): Promise<TranslationPane> =>
  call("restore_translation_status", { id, lang, event });
export const replaceParagraph = (body: string, index: number, text: string): Promise<string> =>
  call("replace_paragraph", { body, index, text });

// Settings: the user's profile (kept by the app, signs new versions) and the workspace's shared settings.
export const getProfile = (): Promise<ProfileView> => call("get_profile");
export const setProfile = (profile: ProfileInput): Promise<ProfileView> => call("set_profile", { profile });
export const getWorkspaceSettings = (): Promise<WorkspaceSettings> => call("get_workspace_settings");
export const updateWorkspaceSettings = (settings: WorkspaceSettings): Promise<SettingsSaved> =>
  call("update_workspace_settings", { settings });
// ---- the issue board and export ----
export const issueBoard = (week: string): Promise<BoardView> => call("issue_board", { week });
export const moveCommentary = (week: string, id: string, section: string, position: number): Promise<BoardView> =>
  call("move_commentary", { week, id, section, position });
/** One place up or down within its section; the core refuses a step past the section's edge. */
export const stepCommentary = (week: string, id: string, direction: "up" | "down"): Promise<BoardView> =>
  call("step_commentary", { week, id, direction });
export const setEditorialStatus = (week: string, id: string, status: string): Promise<BoardView> =>
  call("set_editorial_status", { week, id, status });
export const setIssueTitle = (week: string, lang: string, title: string): Promise<BoardView> =>
  call("set_issue_title", { week, lang, title });
export const exportTarget = (week: string): Promise<ExportTarget> => call("export_target", { week });
/** Opens the native dialog (from Rust); `null` when the user cancelled. */
export const chooseExportTarget = (week: string, zip: boolean): Promise<ExportTarget | null> =>
  call("choose_export_target", { week, zip });
export const exportIssue = (week: string, onlyComplete: boolean, chosen: boolean): Promise<ExportResult> =>
  call("export_issue", { week, onlyComplete, chosen });
export const showExportFolder = (): Promise<void> => call("show_export_folder");

/** Calls `handler` with each step of a running export. */
export async function onExportProgress(handler: (progress: ExportProgress) => void): Promise<() => void> {
  return listen<ExportProgress>("export-progress", (event) => handler(event.payload));
}
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
// ---- the shell: workspaces, menus, readiness ----
export const listRecent = (): Promise<RecentEntry[]> => call("list_recent");
/** Opens the native folder dialog; `prompt` is the question asked if the folder is not a workspace. */
export const openWorkspace = (prompt: InitPrompt): Promise<OpenOutcome> => call("open_workspace", { prompt });
/** Reopens a folder from the recent list (the app refuses any other path). */
export const openRecent = (path: string): Promise<OpenOutcome> => call("open_recent", { path });
export const uiReady = (): Promise<void> => call("ui_ready");
export const quitApp = (): Promise<void> => call("quit_app");

/** Calls `handler` with each action chosen in the native menu. */
export async function onMenu(handler: (action: MenuAction) => void): Promise<() => void> {
  return listen<MenuAction>("menu", (event) => handler(event.payload));
}

/** Calls `handler` with the new root whenever the app switched to another workspace. */
export async function onWorkspaceSwitched(handler: (root: string) => void): Promise<() => void> {
  return listen<string>("workspace-switched", (event) => handler(event.payload));
}

// ---- sharing through git ----
/** Commits, fetches, merges and sends; offline is `outcome.offline`, never an error. */
export const syncNow = (): Promise<SyncOutcome> => call("sync_now");
/** Where the workspace stands as of the last fetch (no network). */
export const syncState = (): Promise<SyncStatus> => call("sync_state");
export const syncConflicts = (): Promise<SyncConflictView[]> => call("sync_conflicts");
/** Keeps one side of a sync conflict as a new version. */
export const resolveConflict = (path: string, side: ConflictSide): Promise<void> =>
  call("resolve_conflict", { path, side });
/** What the two sides of a sync conflict disagree on, piece by piece; null: compare them whole. */
export const conflictParts = (path: string): Promise<ConflictPartsView | null> => call("conflict_parts", { path });
/** Settles a sync conflict piece by piece: theirs where `choices` says, yours elsewhere. */
export const resolveConflictPieces = (path: string, choices: ConflictChoices): Promise<void> =>
  call("resolve_conflict_pieces", { path, choices });
/** Makes the workspace share through the repository at `url`, then sends what it holds. */
export const shareWorkspace = (url: string): Promise<SyncOutcome> => call("share_workspace", { url });
/** Asks for a folder in the native dialog, clones `url` there and switches to it. */
export const openSharedWorkspace = (url: string, prompt: ClonePrompt): Promise<OpenOutcome> =>
  call("open_shared_workspace", { url, prompt });
