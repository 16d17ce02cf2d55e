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
}
