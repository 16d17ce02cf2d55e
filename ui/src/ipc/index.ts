// The only module that talks to Tauri. Everything else imports these functions and the
// generated types, never `@tauri-apps/api`.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { COMMANDS, ERROR_CODES, ERROR_KINDS, EVENTS, type Command } from "./bindings";
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
  CreatedDraft,
  TrashEntryView,
  NoteView,
  MenuLabelId,
  SpellingView,
} from "./bindings";

export type {
  CreatedDraft,
  TrashEntryView,
  NoteView,
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
  PollingNotice,
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
  ErrorCode,
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
  MenuLabelId,
  SpellingView,
} from "./bindings";

export { ERROR_CODE_ARGS, ERROR_CODES, ERROR_KINDS, REASON_KINDS } from "./bindings";
export { MENU_LABEL_IDS } from "./bindings";

/** Commands reject with an ErrorDto; anything else (a bug, a broken bridge, a kind this UI does
 * not know) is wrapped in an `internal` one that keeps the message. A code this UI does not know
 * (a newer core) is dropped, so the message is shown instead. */
export function asErrorDto(reason: unknown): ErrorDto {
  const internal = (message: string): ErrorDto => ({ kind: "internal", code: null, args: {}, message });
  if (typeof reason === "object" && reason !== null && "kind" in reason && "message" in reason) {
    const { kind, code, args, message } = reason as Record<string, unknown>;
    const known = ERROR_KINDS.find((k) => k === kind);
    if (!known) return internal(`${String(kind)}: ${String(message)}`);
    return { kind: known, code: ERROR_CODES.find((c) => c === code) ?? null, args: stringArgs(args), message: String(message) };
  }
  return internal(String(reason));
}

/** The named facts of an error, keeping only text values. */
function stringArgs(args: unknown): Record<string, string> {
  if (typeof args !== "object" || args === null) return {};
  return Object.fromEntries(Object.entries(args).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

async function call<T>(command: Command, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw asErrorDto(reason);
  }
}

export const openWorkspaceInfo = (): Promise<WorkspaceInfo> => call(COMMANDS.open_workspace_info);
export const listCommentaries = (): Promise<Library> => call(COMMANDS.list_commentaries);
export const readDraft = (path: string): Promise<DraftView> => call(COMMANDS.read_draft, { path });

export const editFields = (path: string, text: string, fields: FrontFields): Promise<FieldsResult> =>
  call(COMMANDS.edit_fields, { path, text, fields });
export const saveDraft = (path: string, text: string, loadedHash: string | null): Promise<SaveResult> =>
  call(COMMANDS.save_draft, { path, text, loadedHash });
export const listVersions = (path: string): Promise<VersionInfo[]> => call(COMMANDS.list_versions, { path });
export const diffVersions = (old: number, newer: number): Promise<DiffView> =>
  call(COMMANDS.diff_versions, { old, new: newer });
export const labelVersion = (id: number, label: string | null): Promise<VersionInfo> =>
  call(COMMANDS.label_version, { id, label });
export const restoreVersion = (id: number): Promise<VersionInfo> => call(COMMANDS.restore_version, { id });

/** Calls `handler` whenever other programs changed drafts (already recorded as versions) or
 * another machine's records arrived (`recordsChanged`: statuses, labels, who set them). */
export async function onFolderChanges(handler: (changes: FolderChanges) => void): Promise<() => void> {
  return listen<FolderChanges>(EVENTS.workspaceChanged, (event) => handler(event.payload));
}

/** Calls `handler` as the background reading of a folder the cache had not seen (a fresh
 * clone) comes along; `workspace-changed` follows when it is done. */
export async function onCatchUpProgress(handler: (progress: CatchUpProgress) => void): Promise<() => void> {
  return listen<CatchUpProgress>(EVENTS.catchUpProgress, (event) => handler(event.payload));
}

export const translationView = (id: string, lang: string): Promise<TranslationPane> =>
  call(COMMANDS.translation_view, { id, lang });
export const setTranslationStatus = (id: string, lang: string, status: string): Promise<TranslationPane> =>
  call(COMMANDS.set_translation_status, { id, lang, status });
export const translationSourceDiff = (id: string, lang: string): Promise<SourceChanges> =>
  call(COMMANDS.translation_source_diff, { id, lang });
export const markMinor = (version: number, minor: boolean): Promise<void> => call(COMMANDS.mark_minor, { version, minor });
export const startTranslation = (id: string, lang: string): Promise<TranslationPane> =>
  call(COMMANDS.start_translation, { id, lang });
export const markHandled = (id: string, lang: string, key: string): Promise<TranslationPane> =>
  call(COMMANDS.mark_handled, { id, lang, key });
export const restoreTranslationStatus = (id: string, lang: string, event: string): Promise<TranslationPane> =>
  call(COMMANDS.restore_translation_status, { id, lang, event });
export const replaceParagraph = (body: string, index: number, text: string): Promise<string> =>
  call(COMMANDS.replace_paragraph, { body, index, text });

// Settings: the user's profile (kept by the app, signs new versions) and the workspace's shared settings.
export const getProfile = (): Promise<ProfileView> => call(COMMANDS.get_profile);
export const setProfile = (profile: ProfileInput): Promise<ProfileView> => call(COMMANDS.set_profile, { profile });
export const getWorkspaceSettings = (): Promise<WorkspaceSettings> => call(COMMANDS.get_workspace_settings);
export const updateWorkspaceSettings = (settings: WorkspaceSettings): Promise<SettingsSaved> =>
  call(COMMANDS.update_workspace_settings, { settings });
// ---- the issue board and export ----
export const issueBoard = (week: string): Promise<BoardView> => call(COMMANDS.issue_board, { week });
export const moveCommentary = (week: string, id: string, section: string, position: number): Promise<BoardView> =>
  call(COMMANDS.move_commentary, { week, id, section, position });
/** One place up or down within its section; the core refuses a step past the section's edge. */
export const stepCommentary = (week: string, id: string, direction: "up" | "down"): Promise<BoardView> =>
  call(COMMANDS.step_commentary, { week, id, direction });
export const setEditorialStatus = (week: string, id: string, status: string): Promise<BoardView> =>
  call(COMMANDS.set_editorial_status, { week, id, status });
export const setIssueTitle = (week: string, lang: string, title: string): Promise<BoardView> =>
  call(COMMANDS.set_issue_title, { week, lang, title });
// ---- editorial notes (never published) ----
export const editorialNotes = (id: string): Promise<NoteView[]> => call(COMMANDS.editorial_notes, { id });
/** Announced as a change, so the board and the notes panel reload by `workspace-changed`. */
export const addEditorialNote = (id: string, text: string): Promise<NoteView> => call(COMMANDS.add_editorial_note, { id, text });
export const exportTarget = (week: string): Promise<ExportTarget> => call(COMMANDS.export_target, { week });
/** Opens the native dialog (from Rust); `null` when the user cancelled. */
export const chooseExportTarget = (week: string, zip: boolean): Promise<ExportTarget | null> =>
  call(COMMANDS.choose_export_target, { week, zip });
export const exportIssue = (week: string, onlyComplete: boolean, chosen: boolean): Promise<ExportResult> =>
  call(COMMANDS.export_issue, { week, onlyComplete, chosen });
export const showExportFolder = (): Promise<void> => call(COMMANDS.show_export_folder);

/** Calls `handler` with each step of a running export. */
export async function onExportProgress(handler: (progress: ExportProgress) => void): Promise<() => void> {
  return listen<ExportProgress>(EVENTS.exportProgress, (event) => handler(event.payload));
}
// Preview, search and XLIFF.
/** The unsaved `text` of the draft at `path` through the core's sanitizer. */
/** Words in `text` as the core counts them (the library, the board and jobs count the same). */
export const countWords = (text: string): Promise<number> => call(COMMANDS.count_words, { text });

export const renderPreview = (path: string, text: string): Promise<PreviewView> =>
  call(COMMANDS.render_preview, { path, text });
export const searchDrafts = (request: SearchQuery): Promise<SearchHitView[]> => call(COMMANDS.search_drafts, { request });
/** Writes the job to `exports/xliff/` in the workspace, or (with `choose`) where the native
 * save dialog says; `null` when the dialog was cancelled. */
export const xliffExport = (id: string, lang: string, choose: boolean): Promise<XliffSaved | null> =>
  call(COMMANDS.xliff_export, { id, lang, choose });
/** Imports the workspace-relative `path`, or (with `null`) a file picked in the native open
 * dialog; `null` when the dialog was cancelled. */
export const xliffImport = (path: string | null): Promise<XliffImported | null> => call(COMMANDS.xliff_import, { path });
// ---- the shell: workspaces, menus, readiness ----
export const listRecent = (): Promise<RecentEntry[]> => call(COMMANDS.list_recent);
/** Opens the native folder dialog; `prompt` is the question asked if the folder is not a workspace. */
export const openWorkspace = (prompt: InitPrompt): Promise<OpenOutcome> => call(COMMANDS.open_workspace, { prompt });
/** Reopens a folder from the recent list (the app refuses any other path). */
export const openRecent = (path: string): Promise<OpenOutcome> => call(COMMANDS.open_recent, { path });
/** The first screen is drawn; `marks` are the page's timing marks, name and ms since navigation. */
export const uiReady = (marks: [string, number][]): Promise<void> => call(COMMANDS.ui_ready, { marks });
export const quitApp = (): Promise<void> => call(COMMANDS.quit_app);
/** The native menu's labels in the UI language, by menu id. */
export const setMenuLabels = (labels: Record<MenuLabelId, string>): Promise<void> => call(COMMANDS.set_menu_labels, { labels });
/** The spell checker checks `lang` (the open draft's), or nothing when `enabled` is false. */
export const setSpelling = (lang: string, enabled: boolean): Promise<SpellingView> => call(COMMANDS.set_spelling, { lang, enabled });

/** Calls `handler` with each action chosen in the native menu. */
export async function onMenu(handler: (action: MenuAction) => void): Promise<() => void> {
  return listen<MenuAction>(EVENTS.menu, (event) => handler(event.payload));
}

/** Calls `handler` with the new root whenever the app switched to another workspace. */
export async function onWorkspaceSwitched(handler: (root: string) => void): Promise<() => void> {
  return listen<string>(EVENTS.workspaceSwitched, (event) => handler(event.payload));
}

// ---- sharing through git ----
/** Commits, fetches, merges and sends; offline is `outcome.offline`, never an error. */
export const syncNow = (): Promise<SyncOutcome> => call(COMMANDS.sync_now);
/** Where the workspace stands as of the last fetch (no network). */
export const syncState = (): Promise<SyncStatus> => call(COMMANDS.sync_state);
export const syncConflicts = (): Promise<SyncConflictView[]> => call(COMMANDS.sync_conflicts);
/** Keeps one side of a sync conflict as a new version. */
export const resolveConflict = (path: string, side: ConflictSide): Promise<void> =>
  call(COMMANDS.resolve_conflict, { path, side });
/** What the two sides of a sync conflict disagree on, piece by piece; null: compare them whole. */
export const conflictParts = (path: string): Promise<ConflictPartsView | null> => call(COMMANDS.conflict_parts, { path });
/** Settles a sync conflict piece by piece: theirs where `choices` says, yours elsewhere. */
export const resolveConflictPieces = (path: string, choices: ConflictChoices): Promise<void> =>
  call(COMMANDS.resolve_conflict_pieces, { path, choices });
/** Makes the workspace share through the repository at `url`, then sends what it holds. */
export const shareWorkspace = (url: string): Promise<SyncOutcome> => call(COMMANDS.share_workspace, { url });
/** Asks for a folder in the native dialog, clones `url` there and switches to it. */
export const openSharedWorkspace = (url: string, prompt: ClonePrompt): Promise<OpenOutcome> =>
  call(COMMANDS.open_shared_workspace, { url, prompt });

// ---- everyday actions: new commentary and issue, rename, trash ----
export const createCommentary = (
  title: string,
  lang: string,
  week: string | null,
  section: string | null,
): Promise<CreatedDraft> => call(COMMANDS.create_commentary, { title, lang, week, section });
/** Creates the week's issue file; resolves to its workspace-relative path. */
export const createIssue = (week: string): Promise<string> => call(COMMANDS.create_issue, { week });
/** Sets the `lang` version's title (and with `renameFiles` every file's name); its path now. */
export const renameCommentary = (id: string, lang: string, title: string, renameFiles: boolean): Promise<string> =>
  call(COMMANDS.rename_commentary, { id, lang, title, renameFiles });
export const trashCommentary = (id: string, lang: string | null, archive: boolean): Promise<TrashEntryView> =>
  call(COMMANDS.trash_commentary, { id, lang, archive });
export const listTrash = (): Promise<TrashEntryView[]> => call(COMMANDS.list_trash);
export const restoreFromTrash = (name: string): Promise<TrashEntryView> => call(COMMANDS.restore_from_trash, { name });
