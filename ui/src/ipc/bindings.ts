// Generated from the Rust DTOs in src-tauri/ by ts-rs. Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test --test app bindings` to regenerate.

export type ErrorDto = { kind: ErrorKind, 
/**
 * The code the UI words the error by (`ERROR_CODES`); null when only `message` says it.
 */
code: ErrorCode | null, 
/**
 * The error's facts by name (the code's `ERROR_CODE_ARGS`, or the error's fields).
 */
args: Record<string, string>, message: string, };

export type WorkspaceInfo = { 
/**
 * The opened folder.
 */
root: string, 
/**
 * The workspace's languages in display order, then any others the drafts use.
 */
languages: Array<string>, 
/**
 * The sections the settings define, in their order.
 */
sections: Array<SectionInfo>, };

export type SectionInfo = { 
/**
 * What drafts put in their `section` field.
 */
key: string, 
/**
 * Display titles by language tag.
 */
titles: { [key in string]: string }, };

export type Library = { 
/**
 * Newest issue first; within an issue by section, then title.
 */
commentaries: Array<Commentary>, 
/**
 * Files that could not be read as drafts.
 */
problems: Array<ErrorDto>, 
/**
 * Drafts not read yet (a fresh clone; absent once the library is whole): they arrive
 * from the background reader, with `catch-up-progress` events, and the library reloads
 * when it is done.
 */
pending?: number, };

export type TrendTag = "improved" | "unchanged" | "deteriorated";

export type Commentary = { id: string, 
/**
 * The title in the source language.
 */
title: string, sourceLang: string, 
/**
 * ISO week of the issue, e.g. "2020-W20".
 */
issue: string | null, section: string | null, trend: TrendTag | null, 
/**
 * Editorial status: `draft` also when none was ever set.
 */
editorial: EditorialState, 
/**
 * Who set the editorial status, and when (UTC); `null` when nobody has yet.
 */
editorialBy: string | null, editorialAt: string | null, 
/**
 * Set when the editorial status won over one set elsewhere at the same time.
 */
editorialConcurrent: ConcurrentEditorial | null, 
/**
 * A language version's file has merge conflict markers (see `versions`).
 */
inConflict: boolean, versions: Array<LanguageVersion>, 
/**
 * One per language of the workspace (then others), in order: source, missing, in
 * progress, in review, done or outdated.
 */
states: Array<LanguageStatus>, };

export type LanguageVersion = { lang: string, 
/**
 * Path relative to the workspace root; pass it to `read_draft`.
 */
path: string, title: string, words: number, 
/**
 * The file has merge conflict markers: it is listed by its "ours" side and cannot be
 * opened as a draft until they are resolved.
 */
inConflict: boolean, };

export type DraftView = { path: string, id: string, lang: string, title: string, trend: TrendTag | null, authors: Array<string>, lead: string, section: string | null, issue: string | null, tags: Array<string>, translationOf: string | null, 
/**
 * The Markdown after the front matter, as on disk.
 */
body: string, 
/**
 * The whole file as on disk: front matter, then `body`.
 */
text: string, 
/**
 * SHA-256 of `text` (hex): pass it to `save_draft` as `loadedHash`.
 */
hash: string, };

export type FrontFields = { title: string, trend: string | null, authors: Array<string>, lead: string, section: string | null, issue: string | null, tags: Array<string>, };

export type FieldsResult = { "outcome": "edited", text: string, } | { "outcome": "refused", field: string, error: ErrorDto, };

export type VersionInfo = { id: number, author: string, 
/**
 * UTC, `2020-05-14T09:30:00Z`.
 */
at: string, label: string | null, 
/**
 * Who gave the label, and when (UTC), as the journals say.
 */
labelBy: string | null, labelAt: string | null, 
/**
 * Set when the label won over one given elsewhere at the same time.
 */
labelConcurrent: ConcurrentLabel | null, origin: VersionOrigin, 
/**
 * For a restore: the version brought back.
 */
restoredFrom: number | null, 
/**
 * SHA-256 of the text (hex); `null` when the version records a deletion.
 */
hash: string | null, };

export type VersionOrigin = "save" | "external" | "found" | "restore" | "conflict" | "import";

export type SaveResult = { "outcome": "saved", version: VersionInfo, hash: string, } | { "outcome": "unchanged", hash: string, } | { "outcome": "conflict", theirs: VersionInfo, ours: VersionInfo, };

export type DiffView = { 
/**
 * Front matter keys whose values changed, as values (never YAML); empty when the texts
 * are not drafts, and then `hunks` compare the whole texts.
 */
fields: Array<FieldChangeView>, 
/**
 * The body, word by word.
 */
hunks: Array<HunkView>, wordsAdded: number, wordsRemoved: number, paragraphsChanged: number, 
/**
 * "+38 words, −12 words, 3 paragraphs changed".
 */
summary: string, 
/**
 * Some regions were compared by whole paragraphs only (the diff ran out of time).
 */
coarse: boolean, };

export type FieldChangeView = { key: string, old: string, new: string, spans: Array<SpanView>, };

export type HunkView = { paragraphs: Array<ParagraphView>, };

export type ParagraphView = { kind: ParagraphChangeKind, spans: Array<SpanView>, };

export type ParagraphChangeKind = "unchanged" | "modified" | "added" | "removed";

export type SpanView = { kind: SpanChange, old: string, new: string, };

export type SpanChange = "equal" | "insert" | "delete";

export type LanguageState = "source" | "missing" | "in-progress" | "in-review" | "done" | "outdated";

export type LanguageStatus = { lang: string, state: LanguageState, 
/**
 * Who set the translation status, and when (UTC); `null` when nobody has yet.
 */
setBy: string | null, setAt: string | null, 
/**
 * Set when this status won over one set elsewhere at the same time.
 */
concurrent: ConcurrentStatus | null, };

export type TranslationPane = { id: string, lang: string, path: string, sourceLang: string, sourcePath: string, 
/**
 * `outdated` wins over the recorded status; `recordedStatus` is what was set.
 */
state: LanguageState, recordedStatus: LanguageState, 
/**
 * Who set `recordedStatus`, and when (UTC); `null` when nobody has yet.
 */
setBy: string | null, setAt: string | null, 
/**
 * The note given with the status.
 */
note: string | null, 
/**
 * Set when this status won over one set elsewhere at the same time.
 */
concurrent: ConcurrentStatus | null, 
/**
 * title, lead, body: the parts of the source that changed since the base.
 */
outdatedFields: Array<string>, 
/**
 * The source versions since the base that make it outdated (candidates for "minor").
 */
outdatedVersions: Array<number>, 
/**
 * The status event now in force (what "Undo" of a status change goes back to).
 */
statusEvent: string | null, 
/**
 * The source words changed and new since the base; `null` when not outdated or when what
 * changed cannot be told yet.
 */
words: JobWordsView | null, 
/**
 * Changes to review (title, lead, paragraphs) and how many a translator handled.
 */
toReview: number, handled: number, 
/**
 * The core's rule for "Mark up to date": outdated by its own source, and every change
 * handled.
 */
allHandled: boolean, 
/**
 * The title, the lead, then the body's paragraphs.
 */
rows: Array<RowView>, };

export type RowView = { 
/**
 * title, lead or paragraph.
 */
part: string, 
/**
 * The paragraph's position in both bodies (0-based); `null` for title and lead.
 */
index: number | null, source: string | null, translation: string | null, 
/**
 * changed, added, removed or moved; `null` when the row is up to date.
 */
change: string | null, 
/**
 * What "Done with this paragraph" names (the SHA-256 of the source text the change
 * concerns); `null` when there is nothing to review.
 */
key: string | null, handled: boolean, 
/**
 * The source's word diff since the base, under the paragraph.
 */
diff: DiffView | null, 
/**
 * The source part's words.
 */
words: number, 
/**
 * A change nobody handled, or no translation yet: where "next" jumps.
 */
needsWork: boolean, };

export type JobWordsView = { changed: number, new: number, };

export type SourceChanges = { diff: DiffView, versions: Array<SourceVersion>, };

export type SourceVersion = { id: number, minor: boolean, };

export type FolderChanges = { changes: Array<FileChange>, recordsChanged: boolean, 
/**
 * Made through the app's own commands (a save, a status, a move, a sync); every view
 * reloads, and the draft that was saved has its text already.
 */
byApp: boolean, 
/**
 * What the user should know about watching: that the folder is scanned instead of
 * watched (changes then arrive a little late).
 */
notices: Array<PollingNotice>, 
/**
 * Files left alone (a draft that cannot be read, an id taken twice) and the watcher's own
 * errors, as data the UI words in its language.
 */
problems: Array<ErrorDto>, };

export type PollingNotice = { seconds: number, reason: string, };

export type FileChange = { 
/**
 * Workspace-relative path of the changed draft.
 */
path: string, 
/**
 * The version recorded for it (`hash` is `null` when the file was deleted).
 */
version: VersionInfo, };

export type CatchUpProgress = { 
/**
 * Drafts read (or found unchanged in the cache) so far.
 */
done: number, 
/**
 * Drafts in the folder.
 */
total: number, };

export type ProfileView = { 
/**
 * Empty until the user gives it (the app then asks).
 */
name: string, role: RoleTag, uiLanguage: UiLanguageTag, 
/**
 * The login name, offered as the name on first launch.
 */
suggestedName: string | null, 
/**
 * Whom new versions are signed with now (the name, or an override such as $GALLEY_AUTHOR).
 */
signsAs: string, autoSync: AutoSyncSettings, };

export type ProfileInput = { name: string, role: RoleTag, uiLanguage: UiLanguageTag, 
/**
 * Absent (older callers) keeps the auto-sync settings as they are.
 */
autoSync: AutoSyncSettings | null, };

export type AutoSyncSettings = { onOpen: boolean, afterPause: boolean, beforeExport: boolean, };

export type RoleTag = "author" | "translator" | "editor";

export type UiLanguageTag = "en" | "ru" | "be";

export type WorkspaceSettings = { 
/**
 * Language tags in display order.
 */
languages: Array<string>, sections: Array<SectionSettings>, publication: PublicationSettings, };

export type SectionSettings = { key: string, 
/**
 * Title by language tag.
 */
titles: { [key in string]: string }, };

export type PublicationSettings = { publisher: string, baseUrl: string, copyright: string, 
/**
 * Newsletter title by language tag.
 */
newsletterTitles: { [key in string]: string }, 
/**
 * The sentences shown for each trend, by language tag.
 */
trendSentences: { [key in string]: TrendSentences }, };

export type TrendSentences = { improved: string, unchanged: string, deteriorated: string, };

export type SettingsSaved = { 
/**
 * False when the settings were already so (nothing was written).
 */
changed: boolean, settings: WorkspaceSettings, };

export type BoardView = { 
/**
 * ISO week, e.g. "2020-W21".
 */
week: string, 
/**
 * First and last day of the issue (ISO dates).
 */
start: string, end: string, 
/**
 * The issue's title by language tag.
 */
titles: { [key in string]: string }, 
/**
 * Workspace-relative path of the issue file, and whether it exists yet.
 */
issueFile: string, hasFile: boolean, 
/**
 * The board's languages, in the workspace's order (the cells follow it).
 */
languages: Array<string>, 
/**
 * The issue's sections in publication order, then the workspace's other sections (empty,
 * so a commentary can be moved into them).
 */
sections: Array<BoardSection>, readiness: Array<LanguageReadinessView>, 
/**
 * Conflicts left by git or a sync tool in the issue's files; each blocks every language.
 */
conflicts: Array<BoardConflictView>, 
/**
 * Files of the issue that could not be read.
 */
problems: Array<ErrorDto>, };

export type BoardSection = { 
/**
 * `null` for commentaries without a section.
 */
key: string | null, rows: Array<BoardRowView>, };

export type BoardRowView = { id: string, 
/**
 * The source's title; `null` when the issue file lists an id no draft has.
 */
title: string | null, 
/**
 * Listed in the issue file (otherwise placed by its front matter).
 */
listed: boolean, editorial: EditorialState, 
/**
 * The statuses the workflow lets it move to from here (the core's rule).
 */
editorialChoices: Array<EditorialState>, 
/**
 * Who set the editorial status, and when (`null` for a draft nobody touched).
 */
editorialBy: string | null, editorialAt: string | null, 
/**
 * Set when the editorial status won over one set elsewhere at the same time.
 */
editorialConcurrent: ConcurrentEditorial | null, 
/**
 * One of its files has merge conflict markers or a conflict copy (see `conflicts`).
 */
inConflict: boolean, 
/**
 * One per board language, in its order.
 */
cells: Array<BoardCellView>, 
/**
 * The editors' notes on it, oldest first.
 */
notes: Array<NoteView>, };

export type BoardCellView = { lang: string, state: LanguageState, 
/**
 * Workspace-relative path of this language version, when it has a file.
 */
path: string | null, words: number | null, 
/**
 * Who set the translation status, and when (UTC); `null` for the source, a missing
 * language, or a status nobody set.
 */
setBy: string | null, setAt: string | null, 
/**
 * Set when the status won over one set elsewhere at the same time.
 */
concurrent: ConcurrentStatus | null, 
/**
 * The text changed, other than in minor ways, since its commentary was approved: the
 * editor has not read what would go out (the core's judgement, `BoardCell::approval`).
 */
changedSinceApproval: boolean, };

export type BoardConflictView = { 
/**
 * The file, workspace-relative.
 */
path: string, 
/**
 * For a sync tool's conflict copy, the file it copies; `null` for merge conflict markers.
 */
copyOf: string | null, 
/**
 * The commentary it belongs to, when known.
 */
id: string | null, };

export type EditorialState = "draft" | "in-review" | "approved";

export type ConcurrentStatus = { by: string, 
/**
 * UTC, `2020-05-14T09:30:00Z`.
 */
at: string, status: LanguageState, keptBy: string, kept: LanguageState, };

export type ConcurrentEditorial = { by: string, at: string, status: EditorialState, keptBy: string, kept: EditorialState, };

export type ConcurrentLabel = { by: string, at: string, label: string | null, keptBy: string, kept: string | null, };

export type NoteView = { id: string, author: string, 
/**
 * UTC, `2020-05-14T09:30:00Z`.
 */
at: string, text: string, };

export type LanguageReadinessView = { lang: string, ready: boolean, blockers: Array<BlockerView>, };

export type BlockerView = { id: string, title: string, lang: string, 
/**
 * The language version's file, when it has one.
 */
path: string | null, 
/**
 * The core's stable tag: `not_approved`, `translation_missing`, `translation_not_done`,
 * `translation_outdated`, `changed_since_approval`, `field_empty`, `body_empty`,
 * `paragraphs_missing`, `issue_title_missing` (`id` empty), `no_section`,
 * `unusable_file_name`, `invalid_draft`, `missing_link_target`, `no_files`, `conflict`
 * (merge markers or a sync tool's conflict copy left in the week; every language).
 * The list is `REASON_KINDS` in the bindings; the UI words each from its catalogues.
 */
kind: ReasonKind, 
/**
 * The reason's facts by name (`Reason::args`): e.g. `status`, `field`, `source_lang`.
 */
args: { [key in string]: string }, 
/**
 * The core's English sentences, as the CLI prints them (its commands in what to do).
 */
problem: string, whatToDo: string, };

export type ExportTarget = { path: string, 
/**
 * A zip file (else a folder).
 */
zip: boolean, 
/**
 * Chosen in the dialog (else the default).
 */
chosen: boolean, };

export type ExportResult = { 
/**
 * The folder or zip written.
 */
path: string, zip: boolean, published: Array<string>, 
/**
 * Languages left out (only with "only complete languages").
 */
skipped: Array<string>, 
/**
 * The bundle's files, `manifest.json` included.
 */
files: Array<string>, manifestSha256: string, 
/**
 * Formats left out because publication settings they need are unset.
 */
notMade: Array<NotMadeView>, };

export type NotMadeView = { format: NotMadeFormat, 
/**
 * The unset keys of `[publication]` (`publisher`, `base_url`).
 */
missing: Array<string>, };

export type NotMadeFormat = "feeds" | "ninjs" | "email";

export type ExportProgress = { week: string, done: number, total: number, what: string, };

export type PreviewView = { title: string, lead: string, trend: TrendTag | null, authors: Array<string>, 
/**
 * Sanitized HTML of the body: no script, style, event handler or `javascript:` link.
 */
html: string, };

export type SearchQuery = { query: string, lang: string | null, 
/**
 * An ISO week, `2020-W20`.
 */
issue: string | null, section: string | null, author: string | null, 
/**
 * `improved`, `unchanged` or `deteriorated`.
 */
trend: string | null, 
/**
 * `in-progress`, `in-review` or `done`.
 */
status: string | null, 
/**
 * At most this many hits; `null` for the core's default.
 */
limit: number | null, };

export type SearchHitView = { 
/**
 * Workspace-relative; pass it to `read_draft`.
 */
path: string, id: string, lang: string, title: Array<TextPart>, snippet: Array<TextPart>, issue: string | null, section: string | null, authors: Array<string>, trend: TrendTag | null, 
/**
 * The recorded translation status (`missing`, `in-progress`, `in-review`, `done`).
 */
status: LanguageState | null, };

export type TextPart = { text: string, matched: boolean, };

export type XliffSaved = { 
/**
 * Workspace-relative when inside the workspace, else the full path the user chose.
 */
path: string, fileName: string, };

export type XliffImported = { commentary: string, targetLang: string, 
/**
 * The translation's workspace-relative path.
 */
path: string, 
/**
 * False when the file brought nothing new (nothing was written).
 */
changed: boolean, 
/**
 * True when the import created the translation's file.
 */
created: boolean, };

export type RecentEntry = { path: string, 
/**
 * The folder is gone (moved or deleted); it cannot be opened until it is back.
 */
missing: boolean, };

export type OpenOutcome = { opened: string | null, };

export type InitPrompt = { title: string, question: string, confirm: string, cancel: string, };

export type MenuAction = { action: string, path: string | null, };

export type SyncStatus = { shared: boolean, 
/**
 * Commits here the shared repository lacks.
 */
toSend: number, 
/**
 * Commits there (as last fetched) not here yet.
 */
toReceive: number, 
/**
 * Unresolved conflicts.
 */
conflicts: number, 
/**
 * When this machine last reached the shared repository (UTC, ISO 8601), if ever.
 */
lastSynced: string | null, };

export type SyncOutcome = { 
/**
 * Commits made here (sent, or waiting when offline).
 */
committed: number, 
/**
 * Versions that arrived from other machines.
 */
received: number, 
/**
 * The shared repository could not be reached: not an error, the commits wait.
 */
offline: boolean, 
/**
 * Conflicts this sync found (all unresolved ones are in `sync_conflicts`).
 */
conflicts: Array<SyncConflictView>, status: SyncStatus, };

export type SyncConflictView = { path: string, 
/**
 * SHA-256 (hex) of the text on disk.
 */
ours: string, 
/**
 * SHA-256 (hex) of the other side's text.
 */
theirs: string, };

export type ConflictSide = "ours" | "theirs";

export type ConflictPartsView = { 
/**
 * Stretches of the body, usually one paragraph each, in order.
 */
paragraphs: Array<ConflictPieceView>, fields: Array<ConflictPieceView>, };

export type ConflictPieceView = { key: string | null, ours: string, theirs: string, };

export type ConflictChoices = { theirsParagraphs: Array<number>, theirsFields: Array<string>, };

export type ClonePrompt = { title: string, };

export type SpellingView = { "state": "checking", lang: string, dictionary: string, } | { "state": "off" } | { "state": "noDictionary", lang: string, } | { "state": "missing", lang: string, dictionary: string, package: string, };

export type CreatedDraft = { id: string, 
/**
 * Workspace-relative path of the new file.
 */
path: string, };

export type TrashEntryView = { 
/**
 * What names it to `restore_from_trash`.
 */
name: string, archived: boolean, id: string, title: string, 
/**
 * Set when only this language version was removed.
 */
lang: string | null, by: string, 
/**
 * UTC, RFC 3339.
 */
at: string, week: string | null, files: Array<string>, };

/** Every readiness reason the core gives (`Reason::KINDS`). */
export const REASON_KINDS = ["not_approved", "translation_missing", "translation_not_done", "translation_outdated", "changed_since_approval", "field_empty", "body_empty", "paragraphs_missing", "issue_title_missing", "no_section", "unusable_file_name", "invalid_draft", "missing_link_target", "no_files", "conflict"] as const;

export type ReasonKind = (typeof REASON_KINDS)[number];

/** Every error kind the app can report (`ErrorKind::all()`: the core's, then the shell's own). */
export const ERROR_KINDS = ["io", "write_failed", "invalid_draft", "conflict_markers", "conflict_copy", "not_text", "too_large", "no_workspace", "outside_workspace", "not_found", "invalid", "invalid_settings", "database", "corrupt", "watch", "not_ready", "journal", "sync", "internal", "unavailable"] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Every code the core words an error by (`ErrorCode::ALL`); the UI has a sentence for each. */
export const ERROR_CODES = ["io", "write_failed", "conflict_markers", "conflict_copy", "not_text", "too_large", "no_workspace", "outside_workspace", "database", "corrupt", "watch", "not_ready", "journal", "week_invalid", "title_empty", "title_multiline", "file_name_invalid", "name_empty", "version_is_deletion", "file_name_taken", "changed_during_action", "section_unknown", "language_unknown", "no_section", "move_at_edge", "issue_exists", "status_unchanged", "approval_needs_review", "note_empty", "status_missing_not_settable", "not_a_translation", "language_exists", "source_of_translations", "path_occupied", "trash_entry_incomplete", "no_source_version", "translate_same_language", "file_appeared", "translation_no_base", "source_not_arrived", "review_stale", "status_event_not_found", "conflict_not_found", "conflict_whole_only", "conflict_piece_unknown", "languages_empty", "language_tag_invalid", "language_listed_twice", "section_key_invalid", "section_listed_twice", "language_in_use", "section_in_use", "commentary_not_found", "language_not_found", "draft_not_found", "version_not_found", "trash_entry_not_found", "sync_not_shared", "sync_nested_repository", "sync_merge_in_progress", "sync_detached_head", "sync_history_rewritten", "sync_unreachable", "sync_credentials_refused", "sync_git_missing", "sync_no_remote", "draft_week_invalid", "draft_no_front_matter", "draft_front_matter_unclosed", "draft_stray_carriage_return", "draft_document_end", "draft_yaml_syntax", "draft_yaml_too_deep", "draft_yaml_anchor", "draft_yaml_tag", "draft_several_documents", "draft_flow_mapping", "draft_key_indented", "draft_key_not_text", "draft_key_twice", "draft_not_mapping", "draft_field_missing", "draft_id_has_space", "draft_language_tag_invalid", "draft_lang_not_file_name", "draft_translation_of_itself", "draft_field_not_text", "draft_item_not_text", "draft_field_not_list", "draft_trend_invalid", "draft_id_taken", "draft_name_unsupported", "draft_language_not_listed", "draft_section_not_listed", "trend_invalid", "settings_unreadable", "settings_languages_empty", "settings_language_listed_twice", "settings_title_pattern_invalid", "settings_section_key_empty", "settings_section_listed_twice", "base_url_invalid", "issue_file_unreadable", "issue_file_date_invalid", "issue_file_dates_reversed", "issue_file_title_multiline", "issue_file_section_key_empty", "issue_file_section_twice", "issue_file_id_invalid", "issue_file_id_twice", "search_empty", "search_only_excluded", "search_or_misplaced", "search_or_excluded", "search_not_dangling", "search_no_letters", "search_quote_unclosed", "search_quote_then_word", "search_quote_in_word", "search_star_inside", "search_star_alone", "search_filter_invalid", "path_has_nul", "path_is_workspace", "path_not_utf8", "name_too_long", "name_ends_with_dot", "name_forbidden_char", "name_reserved", "xliff_too_large", "xliff_not_xml", "xliff_cut_short", "xliff_doctype", "xliff_entity", "xliff_not_a_job", "xliff_version", "xliff_other_commentary", "xliff_other_languages", "xliff_source_changed", "xliff_target_changed", "xliff_version_elsewhere", "xliff_unit_extra", "xliff_unit_twice", "xliff_units_missing", "xliff_target_missing", "xliff_code_foreign", "xliff_code_unknown", "xliff_code_twice", "xliff_code_changed", "xliff_code_missing", "xliff_units_pending", "xliff_file_unrecorded", "xliff_into_source", "export_folder_not_empty", "export_target_draft_name", "export_target_in_state", "export_target_in_workspace", "export_no_section", "export_issue_no_title", "export_slug_invalid", "export_section_key_invalid", "export_language_missing", "sync_push_refused", "sync_git_failed", "sync_unsafe_path"] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The facts (`args`) an error with each code carries (`ErrorCode::arg_names`). */
export const ERROR_CODE_ARGS: { readonly [C in ErrorCode]: readonly string[] } = {
  io: ["action", "path"],
  write_failed: ["path", "step", "replaced", "cause"],
  conflict_markers: ["path", "line", "ours", "theirs"],
  conflict_copy: ["path", "original", "tool"],
  not_text: ["path", "reason"],
  too_large: ["path", "size", "limit"],
  no_workspace: ["path", "reason"],
  outside_workspace: ["path", "root"],
  database: ["cause"],
  corrupt: ["what"],
  watch: ["message"],
  not_ready: ["week", "reasons"],
  journal: ["path", "line", "message"],
  week_invalid: ["week"],
  title_empty: [],
  title_multiline: [],
  file_name_invalid: ["name"],
  name_empty: [],
  version_is_deletion: ["version"],
  file_name_taken: ["path"],
  changed_during_action: ["path"],
  section_unknown: ["section", "sections"],
  language_unknown: ["lang", "languages"],
  no_section: ["id"],
  move_at_edge: ["id", "edge", "section"],
  issue_exists: ["week"],
  status_unchanged: ["id", "status"],
  approval_needs_review: ["id", "status"],
  note_empty: ["id"],
  status_missing_not_settable: ["id", "lang"],
  not_a_translation: ["id", "lang"],
  language_exists: ["id", "lang", "path"],
  source_of_translations: ["id", "lang", "translations"],
  path_occupied: ["path"],
  trash_entry_incomplete: ["name", "path"],
  no_source_version: ["id"],
  translate_same_language: ["id", "lang"],
  file_appeared: ["path"],
  translation_no_base: ["id", "lang"],
  source_not_arrived: ["id", "lang", "source_lang"],
  review_stale: ["id", "lang"],
  status_event_not_found: ["id", "lang"],
  conflict_not_found: ["path"],
  conflict_whole_only: ["path"],
  conflict_piece_unknown: ["path"],
  languages_empty: [],
  language_tag_invalid: ["lang"],
  language_listed_twice: ["lang"],
  section_key_invalid: ["section"],
  section_listed_twice: ["section"],
  language_in_use: ["lang", "count", "paths"],
  section_in_use: ["section", "count", "paths"],
  commentary_not_found: ["id"],
  language_not_found: ["id", "lang"],
  draft_not_found: ["path"],
  version_not_found: ["version"],
  trash_entry_not_found: ["name"],
  sync_not_shared: ["path"],
  sync_nested_repository: ["path", "repository"],
  sync_merge_in_progress: [],
  sync_detached_head: [],
  sync_history_rewritten: [],
  sync_unreachable: ["remote"],
  sync_credentials_refused: ["remote"],
  sync_git_missing: [],
  sync_no_remote: [],
  draft_week_invalid: ["path", "line", "week"],
  draft_no_front_matter: ["path", "line"],
  draft_front_matter_unclosed: ["path", "line"],
  draft_stray_carriage_return: ["path", "line"],
  draft_document_end: ["path", "line"],
  draft_yaml_syntax: ["path", "line", "yaml_says"],
  draft_yaml_too_deep: ["path", "line"],
  draft_yaml_anchor: ["path", "line"],
  draft_yaml_tag: ["path", "line"],
  draft_several_documents: ["path", "line"],
  draft_flow_mapping: ["path", "line"],
  draft_key_indented: ["path", "line"],
  draft_key_not_text: ["path", "line"],
  draft_key_twice: ["path", "line", "key", "first_line"],
  draft_not_mapping: ["path", "line", "found"],
  draft_field_missing: ["path", "line", "field"],
  draft_id_has_space: ["path", "line", "id"],
  draft_language_tag_invalid: ["path", "line", "field", "lang"],
  draft_lang_not_file_name: ["path", "line", "lang", "file_lang"],
  draft_translation_of_itself: ["path", "line", "lang"],
  draft_field_not_text: ["path", "line", "field", "found"],
  draft_item_not_text: ["path", "line", "field", "found"],
  draft_field_not_list: ["path", "line", "field"],
  draft_trend_invalid: ["path", "line", "trend", "trends"],
  draft_id_taken: ["path", "other"],
  draft_name_unsupported: ["path"],
  draft_language_not_listed: ["path", "lang", "languages"],
  draft_section_not_listed: ["path", "section", "sections"],
  trend_invalid: ["trend", "trends"],
  settings_unreadable: ["path", "line", "toml_says"],
  settings_languages_empty: ["path"],
  settings_language_listed_twice: ["path", "lang"],
  settings_title_pattern_invalid: ["path", "lang", "pattern"],
  settings_section_key_empty: ["path", "position"],
  settings_section_listed_twice: ["path", "section"],
  base_url_invalid: ["url"],
  issue_file_unreadable: ["path", "line", "toml_says"],
  issue_file_date_invalid: ["path", "line", "date"],
  issue_file_dates_reversed: ["path", "start", "end"],
  issue_file_title_multiline: ["path", "lang"],
  issue_file_section_key_empty: ["path", "line"],
  issue_file_section_twice: ["path", "line", "section"],
  issue_file_id_invalid: ["path", "line", "id"],
  issue_file_id_twice: ["path", "line", "id", "section"],
  search_empty: ["query"],
  search_only_excluded: ["query"],
  search_or_misplaced: ["query"],
  search_or_excluded: ["query"],
  search_not_dangling: ["query"],
  search_no_letters: ["query"],
  search_quote_unclosed: ["query"],
  search_quote_then_word: ["query"],
  search_quote_in_word: ["query"],
  search_star_inside: ["query"],
  search_star_alone: ["query"],
  search_filter_invalid: ["filter", "value"],
  path_has_nul: ["path"],
  path_is_workspace: ["path"],
  path_not_utf8: ["path"],
  name_too_long: ["name", "size", "limit"],
  name_ends_with_dot: ["name"],
  name_forbidden_char: ["name", "char"],
  name_reserved: ["name"],
  xliff_too_large: ["file", "size", "limit"],
  xliff_not_xml: ["file", "near"],
  xliff_cut_short: ["file"],
  xliff_doctype: ["file"],
  xliff_entity: ["file", "entity"],
  xliff_not_a_job: ["file"],
  xliff_version: ["file", "version"],
  xliff_other_commentary: ["file", "commentary", "expected"],
  xliff_other_languages: ["file", "source_lang", "target_lang", "expected_source", "expected_target"],
  xliff_source_changed: ["file", "lang", "exported", "current"],
  xliff_target_changed: ["file", "lang", "exported", "current"],
  xliff_version_elsewhere: ["file", "version"],
  xliff_unit_extra: ["file", "unit"],
  xliff_unit_twice: ["file", "unit"],
  xliff_units_missing: ["file", "units"],
  xliff_target_missing: ["file", "unit"],
  xliff_code_foreign: ["file", "unit", "code"],
  xliff_code_unknown: ["file", "unit", "code"],
  xliff_code_twice: ["file", "unit", "code"],
  xliff_code_changed: ["file", "unit", "code"],
  xliff_code_missing: ["file", "unit", "code"],
  xliff_units_pending: ["file", "units"],
  xliff_file_unrecorded: ["path"],
  xliff_into_source: ["id", "lang"],
  export_folder_not_empty: ["path"],
  export_target_draft_name: ["path"],
  export_target_in_state: ["path"],
  export_target_in_workspace: ["path"],
  export_no_section: ["id", "week"],
  export_issue_no_title: ["week", "lang"],
  export_slug_invalid: ["id", "slug"],
  export_section_key_invalid: ["section"],
  export_language_missing: ["id", "lang"],
  sync_push_refused: ["remote", "git_says"],
  sync_git_failed: ["command", "git_says"],
  sync_unsafe_path: ["path", "reason"],
};

/** Every labelled part of the native menu (`menu::english_labels`). */
export const MENU_LABEL_IDS = ["new-commentary", "new-issue", "open-workspace", "save", "sync", "set-up-sharing", "open-shared", "quit", "undo", "redo", "find", "replace", "focus-mode", "toggle-preview", "show-history", "show-translation", "show-trash", "file", "edit", "view", "help", "open-recent", "cut", "copy", "paste", "select-all", "about"] as const;

export type MenuLabelId = (typeof MENU_LABEL_IDS)[number];

/** Every IPC command (`command_names.rs`); `ui/src/ipc/` calls them by these. */
export const COMMANDS = {
  open_workspace_info: "open_workspace_info",
  list_commentaries: "list_commentaries",
  read_draft: "read_draft",
  edit_fields: "edit_fields",
  save_draft: "save_draft",
  list_versions: "list_versions",
  diff_versions: "diff_versions",
  label_version: "label_version",
  restore_version: "restore_version",
  translation_view: "translation_view",
  set_translation_status: "set_translation_status",
  translation_source_diff: "translation_source_diff",
  mark_minor: "mark_minor",
  start_translation: "start_translation",
  mark_handled: "mark_handled",
  restore_translation_status: "restore_translation_status",
  replace_paragraph: "replace_paragraph",
  get_profile: "get_profile",
  set_profile: "set_profile",
  get_workspace_settings: "get_workspace_settings",
  update_workspace_settings: "update_workspace_settings",
  issue_board: "issue_board",
  move_commentary: "move_commentary",
  step_commentary: "step_commentary",
  set_editorial_status: "set_editorial_status",
  set_issue_title: "set_issue_title",
  editorial_notes: "editorial_notes",
  add_editorial_note: "add_editorial_note",
  export_target: "export_target",
  choose_export_target: "choose_export_target",
  export_issue: "export_issue",
  show_export_folder: "show_export_folder",
  render_preview: "render_preview",
  count_words: "count_words",
  search_drafts: "search_drafts",
  xliff_export: "xliff_export",
  xliff_import: "xliff_import",
  list_recent: "list_recent",
  open_workspace: "open_workspace",
  open_recent: "open_recent",
  ui_ready: "ui_ready",
  quit_app: "quit_app",
  set_menu_labels: "set_menu_labels",
  set_spelling: "set_spelling",
  sync_now: "sync_now",
  sync_state: "sync_state",
  sync_conflicts: "sync_conflicts",
  resolve_conflict: "resolve_conflict",
  conflict_parts: "conflict_parts",
  resolve_conflict_pieces: "resolve_conflict_pieces",
  share_workspace: "share_workspace",
  open_shared_workspace: "open_shared_workspace",
  create_commentary: "create_commentary",
  create_issue: "create_issue",
  rename_commentary: "rename_commentary",
  trash_commentary: "trash_commentary",
  list_trash: "list_trash",
  restore_from_trash: "restore_from_trash",
} as const;

export type Command = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Every event the app emits to the window (`events::EVENTS`). */
export const EVENTS = {
  workspaceChanged: "workspace-changed",
  workspaceSwitched: "workspace-switched",
  catchUpProgress: "catch-up-progress",
  exportProgress: "export-progress",
  menu: "menu",
} as const;
