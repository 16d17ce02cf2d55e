//! The stable codes of errors a shell can word from its own catalogues, each with the names of
//! the facts it carries. This list is the one place a code is added: the app's bindings, its
//! catalogues' completeness test and the check that every coded error carries exactly its
//! facts all read it. A code is never renamed once shipped.
//!
//! Kinds whose detail is the core's English (`invalid`, `not_found`, `invalid_draft`, `sync`,
//! `invalid_settings`) have no code of their own: their errors carry a code from the second
//! half of the list when the user can cause them from the app, and none otherwise.

/// Defines [`ErrorCode`] from `Variant = "code" [facts…]` lines.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $code:literal [$($arg:literal),*];)*) => {
        /// A stable code for an error a shell words on its own (see the module comment).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ErrorCode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl ErrorCode {
            /// Every code, in the order of the list.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code's text, e.g. `title_empty`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }

            /// The names of the facts every error with this code carries, in order.
            pub fn arg_names(self) -> &'static [&'static str] {
                match self {
                    $(ErrorCode::$variant => &[$($arg),*],)*
                }
            }
        }
    };
}

error_codes! {
    // Kinds whose fields say everything: the code is the kind's.
    Io = "io" ["action", "path"];
    WriteFailed = "write_failed" ["path", "step", "replaced", "cause"];
    ConflictMarkers = "conflict_markers" ["path", "line", "ours", "theirs"];
    ConflictCopy = "conflict_copy" ["path", "original", "tool"];
    NotText = "not_text" ["path", "reason"];
    TooLarge = "too_large" ["path", "size", "limit"];
    NoWorkspace = "no_workspace" ["path", "reason"];
    OutsideWorkspace = "outside_workspace" ["path", "root"];
    Database = "database" ["cause"];
    Corrupt = "corrupt" ["what"];
    Watch = "watch" ["message"];
    NotReady = "not_ready" ["week", "reasons"];
    Journal = "journal" ["path", "line", "message"];

    // Refusals the app's actions can meet (kind `invalid` unless noted).
    /// An issue week that is not `YYYY-Www` or has no such week.
    WeekInvalid = "week_invalid" ["week"];
    /// A title (of a commentary or an issue) that is empty.
    TitleEmpty = "title_empty" [];
    /// A title that spans several lines.
    TitleMultiline = "title_multiline" [];
    /// A file name made from a title that has no letter or digit.
    FileNameInvalid = "file_name_invalid" ["name"];
    /// A name to sign versions with that is empty.
    NameEmpty = "name_empty" [];
    /// Restoring, labelling or reading a version that records a deletion.
    VersionIsDeletion = "version_is_deletion" ["version"];
    /// Creating, renaming or moving onto a file that exists already.
    FileNameTaken = "file_name_taken" ["path"];
    /// The file changed on disk while it was renamed or moved; both texts are kept.
    ChangedDuringAction = "changed_during_action" ["path"];
    /// A section key the workspace's settings do not list.
    SectionUnknown = "section_unknown" ["section", "sections"];
    /// A language the workspace does not publish in.
    LanguageUnknown = "language_unknown" ["lang", "languages"];
    /// Moving within an issue a commentary that has no issue or section yet.
    NoSection = "no_section" ["id"];
    /// Moving a commentary up or down past the edge of its section.
    MoveAtEdge = "move_at_edge" ["id", "edge", "section"];
    /// Creating an issue whose file exists already.
    IssueExists = "issue_exists" ["week"];
    /// Setting an editorial status the commentary has already.
    StatusUnchanged = "status_unchanged" ["id", "status"];
    /// Approving a commentary that has not been sent to review.
    ApprovalNeedsReview = "approval_needs_review" ["id", "status"];
    /// An editorial note with no text.
    NoteEmpty = "note_empty" ["id"];
    /// Setting `missing` as a translation status.
    StatusMissingNotSettable = "status_missing_not_settable" ["id", "lang"];
    /// A translation status asked of the source language version.
    NotATranslation = "not_a_translation" ["id", "lang"];
    /// Starting a translation (or restoring a file) for a language the commentary has already.
    LanguageExists = "language_exists" ["id", "lang", "path"];
    /// Deleting a language version other versions are translated from.
    SourceOfTranslations = "source_of_translations" ["id", "lang", "translations"];
    /// Restoring a file onto a path another file holds now.
    PathOccupied = "path_occupied" ["path"];
    /// Restoring a trash entry one of whose files is gone.
    TrashEntryIncomplete = "trash_entry_incomplete" ["name", "path"];
    /// A commentary with no source language version (every file has `translation_of`).
    NoSourceVersion = "no_source_version" ["id"];
    /// Translating a commentary from a language into the same one.
    TranslateSameLanguage = "translate_same_language" ["id", "lang"];
    /// A file that appeared at the path Galley was about to create; nothing was overwritten.
    FileAppeared = "file_appeared" ["path"];
    /// Comparing a translation with its source before it has a base (a source version it
    /// matches).
    TranslationNoBase = "translation_no_base" ["id", "lang"];
    /// The source text a translation was made from has not arrived on this machine yet.
    SourceNotArrived = "source_not_arrived" ["id", "lang", "source_lang"];
    /// Marking handled a source change that is no longer one to review.
    ReviewStale = "review_stale" ["id", "lang"];
    /// Restoring a status change that is not one of the translation's.
    StatusEventNotFound = "status_event_not_found" ["id", "lang"];
    /// No sync conflict at this path (settled already).
    ConflictNotFound = "conflict_not_found" ["path"];
    /// Choosing pieces of a conflict whose sides can only be compared whole.
    ConflictWholeOnly = "conflict_whole_only" ["path"];
    /// Choosing a piece of a conflict on which its sides do not disagree.
    ConflictPieceUnknown = "conflict_piece_unknown" ["path"];

    // Workspace settings (kind `invalid`).
    /// A language list with no language.
    LanguagesEmpty = "languages_empty" [];
    /// A language that is not a code like `be` or `pt-BR`.
    LanguageTagInvalid = "language_tag_invalid" ["lang"];
    /// A language listed twice.
    LanguageListedTwice = "language_listed_twice" ["lang"];
    /// A section key that is not one word.
    SectionKeyInvalid = "section_key_invalid" ["section"];
    /// A section listed twice.
    SectionListedTwice = "section_listed_twice" ["section"];
    /// Removing a language drafts still use; `paths` names the first few of `count`.
    LanguageInUse = "language_in_use" ["lang", "count", "paths"];
    /// Removing a section drafts are still in; `paths` names the first few of `count`.
    SectionInUse = "section_in_use" ["section", "count", "paths"];

    // Things not found (kind `not_found`).
    /// No commentary has this id.
    CommentaryNotFound = "commentary_not_found" ["id"];
    /// The commentary has no version in this language.
    LanguageNotFound = "language_not_found" ["id", "lang"];
    /// No draft file at this path.
    DraftNotFound = "draft_not_found" ["path"];
    /// No version with this number in history.
    VersionNotFound = "version_not_found" ["version"];
    /// No trash or archive entry of this name.
    TrashEntryNotFound = "trash_entry_not_found" ["name"];

    // Sharing through git (kind `sync`).
    /// The workspace is not a git repository yet.
    SyncNotShared = "sync_not_shared" ["path"];
    /// The workspace is a folder inside another git repository.
    SyncNestedRepository = "sync_nested_repository" ["path", "repository"];
    /// A merge started outside Galley is unfinished.
    SyncMergeInProgress = "sync_merge_in_progress" [];
    /// The repository is not on a branch.
    SyncDetachedHead = "sync_detached_head" [];
    /// The shared branch no longer contains what this machine sent (a force-push).
    SyncHistoryRewritten = "sync_history_rewritten" [];
    /// The shared repository could not be reached.
    SyncUnreachable = "sync_unreachable" ["remote"];
    /// The shared repository refused the credentials.
    SyncCredentialsRefused = "sync_credentials_refused" ["remote"];
    /// git is not installed.
    SyncGitMissing = "sync_git_missing" [];
    /// The repository has no remote to sync with.
    SyncNoRemote = "sync_no_remote" [];

    // A draft's field (kind `invalid_draft`).
    /// A draft's `issue` that is not a week.
    DraftWeekInvalid = "draft_week_invalid" ["path", "line", "week"];

    // A draft's front matter (kind `invalid_draft`); `field` is a front-matter key.
    /// A draft that does not start with a `---` line.
    DraftNoFrontMatter = "draft_no_front_matter" ["path", "line"];
    /// Front matter with no closing `---` line.
    DraftFrontMatterUnclosed = "draft_front_matter_unclosed" ["path", "line"];
    /// A carriage return inside a front-matter line.
    DraftStrayCarriageReturn = "draft_stray_carriage_return" ["path", "line"];
    /// A `...` line that ends the YAML early.
    DraftDocumentEnd = "draft_document_end" ["path", "line"];
    /// YAML the parser cannot read; `yaml_says` is the parser's own English words.
    DraftYamlSyntax = "draft_yaml_syntax" ["path", "line", "yaml_says"];
    /// Lists and mappings nested too deep.
    DraftYamlTooDeep = "draft_yaml_too_deep" ["path", "line"];
    /// A YAML anchor or alias.
    DraftYamlAnchor = "draft_yaml_anchor" ["path", "line"];
    /// A YAML tag (`!…`).
    DraftYamlTag = "draft_yaml_tag" ["path", "line"];
    /// More than one YAML document.
    DraftSeveralDocuments = "draft_several_documents" ["path", "line"];
    /// The front matter written as one `{…}` mapping.
    DraftFlowMapping = "draft_flow_mapping" ["path", "line"];
    /// A top-level key that does not start its line.
    DraftKeyIndented = "draft_key_indented" ["path", "line"];
    /// A key that is a list or a mapping.
    DraftKeyNotText = "draft_key_not_text" ["path", "line"];
    /// A key given twice; `first_line` is where it appears first.
    DraftKeyTwice = "draft_key_twice" ["path", "line", "key", "first_line"];
    /// Front matter that is not `key: value` lines; `found` is `text` or `list`.
    DraftNotMapping = "draft_not_mapping" ["path", "line", "found"];
    /// A required field (`id`, `lang`) that is missing or empty.
    DraftFieldMissing = "draft_field_missing" ["path", "line", "field"];
    /// An `id` with spaces or line breaks.
    DraftIdHasSpace = "draft_id_has_space" ["path", "line", "id"];
    /// `lang` or `translation_of` that is not a language tag.
    DraftLanguageTagInvalid = "draft_language_tag_invalid" ["path", "line", "field", "lang"];
    /// `lang` that differs from the file name's language suffix.
    DraftLangNotFileName = "draft_lang_not_file_name" ["path", "line", "lang", "file_lang"];
    /// `translation_of` naming the version's own language.
    DraftTranslationOfItself = "draft_translation_of_itself" ["path", "line", "lang"];
    /// A field that must be text holding a list or mapping; `found` is `list` or `mapping`.
    DraftFieldNotText = "draft_field_not_text" ["path", "line", "field", "found"];
    /// An item of a list field that is not text; `found` is `empty`, `list` or `mapping`.
    DraftItemNotText = "draft_item_not_text" ["path", "line", "field", "found"];
    /// A list field holding a mapping.
    DraftFieldNotList = "draft_field_not_list" ["path", "line", "field"];
    /// A draft's `trend` that is not one of `trends`.
    DraftTrendInvalid = "draft_trend_invalid" ["path", "line", "trend", "trends"];
    /// A draft whose id and language `other` has already; the file is left alone.
    DraftIdTaken = "draft_id_taken" ["path", "other"];
    /// A draft whose name holds `:` or `\`, which history cannot keep; the file is left alone.
    DraftNameUnsupported = "draft_name_unsupported" ["path"];
    /// A draft in a language the workspace does not publish in.
    DraftLanguageNotListed = "draft_language_not_listed" ["path", "lang", "languages"];
    /// A draft in a section the workspace does not have.
    DraftSectionNotListed = "draft_section_not_listed" ["path", "section", "sections"];
    /// A trend that is not one of `trends` (kind `invalid`).
    TrendInvalid = "trend_invalid" ["trend", "trends"];

    // The workspace's settings file (kind `invalid_settings`).
    /// A settings file that is not valid TOML; `toml_says` is the parser's own English words.
    SettingsUnreadable = "settings_unreadable" ["path", "line", "toml_says"];
    /// A settings file whose language list is empty.
    SettingsLanguagesEmpty = "settings_languages_empty" ["path"];
    /// A settings file that lists a language twice.
    SettingsLanguageListedTwice = "settings_language_listed_twice" ["path", "lang"];
    /// A settings file whose issue title pattern for `lang` cannot be used.
    SettingsTitlePatternInvalid = "settings_title_pattern_invalid" ["path", "lang", "pattern"];
    /// A settings file with a section whose key is empty; `position` counts from 1.
    SettingsSectionKeyEmpty = "settings_section_key_empty" ["path", "position"];
    /// A settings file that lists a section twice.
    SettingsSectionListedTwice = "settings_section_listed_twice" ["path", "section"];
    /// A publication base address that is not an http(s) address of a site (kind
    /// `invalid_settings` in the file, `invalid` when edited).
    BaseUrlInvalid = "base_url_invalid" ["url"];

    // An issue file (kind `invalid`), written by hand; `line` is where the problem is.
    /// An issue file that is not valid TOML; `toml_says` is the parser's own English words.
    IssueFileUnreadable = "issue_file_unreadable" ["path", "line", "toml_says"];
    /// A start or end that is not a plain calendar date.
    IssueFileDateInvalid = "issue_file_date_invalid" ["path", "line", "date"];
    /// An end before the start.
    IssueFileDatesReversed = "issue_file_dates_reversed" ["path", "start", "end"];
    /// A title of the issue that spans several lines.
    IssueFileTitleMultiline = "issue_file_title_multiline" ["path", "lang"];
    /// A section with an empty key.
    IssueFileSectionKeyEmpty = "issue_file_section_key_empty" ["path", "line"];
    /// A section listed twice.
    IssueFileSectionTwice = "issue_file_section_twice" ["path", "line", "section"];
    /// A commentary id that is empty or has spaces.
    IssueFileIdInvalid = "issue_file_id_invalid" ["path", "line", "id"];
    /// A commentary listed twice; `section` is where else it is.
    IssueFileIdTwice = "issue_file_id_twice" ["path", "line", "id", "section"];

    // Searching (kind `invalid`); `query` is the search as typed.
    /// A search with nothing in it.
    SearchEmpty = "search_empty" ["query"];
    /// A search with only excluded words.
    SearchOnlyExcluded = "search_only_excluded" ["query"];
    /// `OR` not between two words.
    SearchOrMisplaced = "search_or_misplaced" ["query"];
    /// `OR` joining an excluded word.
    SearchOrExcluded = "search_or_excluded" ["query"];
    /// `NOT` at the end.
    SearchNotDangling = "search_not_dangling" ["query"];
    /// A search with no letter or digit.
    SearchNoLetters = "search_no_letters" ["query"];
    /// A `"` that opens a phrase never closed.
    SearchQuoteUnclosed = "search_quote_unclosed" ["query"];
    /// A closing `"` with a word right after it.
    SearchQuoteThenWord = "search_quote_then_word" ["query"];
    /// A `"` inside a word.
    SearchQuoteInWord = "search_quote_in_word" ["query"];
    /// A `*` that does not end a word.
    SearchStarInside = "search_star_inside" ["query"];
    /// A `*` with no letter or digit before it.
    SearchStarAlone = "search_star_alone" ["query"];
    /// A search filter whose value cannot be used; `filter` is `lang`, `issue`, `section`,
    /// `author`, `trend` or `status`.
    SearchFilterInvalid = "search_filter_invalid" ["filter", "value"];

    // File and folder names (kind `invalid`); `name` is the one part of the path refused.
    /// A path with a NUL character.
    PathHasNul = "path_has_nul" ["path"];
    /// A path that is the workspace folder itself.
    PathIsWorkspace = "path_is_workspace" ["path"];
    /// A path that is not UTF-8 text.
    PathNotUtf8 = "path_not_utf8" ["path"];
    /// A name longer than `limit` bytes.
    NameTooLong = "name_too_long" ["name", "size", "limit"];
    /// A name ending in a dot or a space.
    NameEndsWithDot = "name_ends_with_dot" ["name"];
    /// A name with a character file names may not hold; `char` is its `U+XXXX`.
    NameForbiddenChar = "name_forbidden_char" ["name", "char"];
    /// A name Windows reserves for a device.
    NameReserved = "name_reserved" ["name"];

    // XLIFF import (kind `invalid`); `file` is the file's name.
    /// A file over the size limit.
    XliffTooLarge = "xliff_too_large" ["file", "size", "limit"];
    /// XML that cannot be read near byte `near`.
    XliffNotXml = "xliff_not_xml" ["file", "near"];
    /// A file that ends too early (cut short, or empty).
    XliffCutShort = "xliff_cut_short" ["file"];
    /// A DOCTYPE declaration.
    XliffDoctype = "xliff_doctype" ["file"];
    /// An entity other than XML's own.
    XliffEntity = "xliff_entity" ["file", "entity"];
    /// Not an XLIFF job Galley exported.
    XliffNotAJob = "xliff_not_a_job" ["file"];
    /// An XLIFF version other than 1.2.
    XliffVersion = "xliff_version" ["file", "version"];
    /// A job for another commentary.
    XliffOtherCommentary = "xliff_other_commentary" ["file", "commentary", "expected"];
    /// A job between other languages.
    XliffOtherLanguages = "xliff_other_languages" ["file", "source_lang", "target_lang", "expected_source", "expected_target"];
    /// The source changed since the job was exported.
    XliffSourceChanged = "xliff_source_changed" ["file", "lang", "exported", "current"];
    /// The translation changed in Galley since the job was exported.
    XliffTargetChanged = "xliff_target_changed" ["file", "lang", "exported", "current"];
    /// A header naming a version of another commentary or language.
    XliffVersionElsewhere = "xliff_version_elsewhere" ["file", "version"];
    /// A unit that is not part of the job.
    XliffUnitExtra = "xliff_unit_extra" ["file", "unit"];
    /// A unit given twice.
    XliffUnitTwice = "xliff_unit_twice" ["file", "unit"];
    /// Units of the job the file lacks.
    XliffUnitsMissing = "xliff_units_missing" ["file", "units"];
    /// A unit with no `<target>`.
    XliffTargetMissing = "xliff_target_missing" ["file", "unit"];
    /// An element other than `<g>` or `<x/>` in a target; `code` is its name.
    XliffCodeForeign = "xliff_code_foreign" ["file", "unit", "code"];
    /// An inline code the unit does not have.
    XliffCodeUnknown = "xliff_code_unknown" ["file", "unit", "code"];
    /// An inline code given twice.
    XliffCodeTwice = "xliff_code_twice" ["file", "unit", "code"];
    /// An inline code changed from what it was.
    XliffCodeChanged = "xliff_code_changed" ["file", "unit", "code"];
    /// An inline code missing from a target.
    XliffCodeMissing = "xliff_code_missing" ["file", "unit", "code"];
    /// A restructured job with units that still need work.
    XliffUnitsPending = "xliff_units_pending" ["file", "units"];
    /// A file edited since its newest version, so not the text a job is made from.
    XliffFileUnrecorded = "xliff_file_unrecorded" ["path"];
    /// Exporting a job into the source language.
    XliffIntoSource = "xliff_into_source" ["id", "lang"];

    // Exporting an issue (kind `invalid`).
    /// An export folder that holds something other than a Galley bundle.
    ExportFolderNotEmpty = "export_folder_not_empty" ["path"];
    /// An export target named like a draft.
    ExportTargetDraftName = "export_target_draft_name" ["path"];
    /// An export target inside the workspace's `.galley` folder.
    ExportTargetInState = "export_target_in_state" ["path"];
    /// An export folder inside the workspace.
    ExportTargetInWorkspace = "export_target_in_workspace" ["path"];
    /// A commentary of the issue with no section.
    ExportNoSection = "export_no_section" ["id", "week"];
    /// An issue with no title in a language being published.
    ExportIssueNoTitle = "export_issue_no_title" ["week", "lang"];
    /// A commentary whose file name cannot name a page.
    ExportSlugInvalid = "export_slug_invalid" ["id", "slug"];
    /// A section whose key cannot name a folder.
    ExportSectionKeyInvalid = "export_section_key_invalid" ["section"];
    /// A commentary without a version in a language being published.
    ExportLanguageMissing = "export_language_missing" ["id", "lang"];

    // Sharing through git, continued (kind `sync`).
    /// The shared repository refused what was pushed; `git_says` is git's own words.
    SyncPushRefused = "sync_push_refused" ["remote", "git_says"];
    /// A git command failed; `command` is what ran and `git_says` git's own words.
    SyncGitFailed = "sync_git_failed" ["command", "git_says"];
    /// A commit would place a file as a link or among this machine's own files; `reason` is
    /// `link` or `machine_file`.
    SyncUnsafePath = "sync_unsafe_path" ["path", "reason"];
}
