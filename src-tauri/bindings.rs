//! The TypeScript declarations of every DTO, as one file. Committed as ui/src/ipc/bindings.ts;
//! a test fails when it drifts (`UPDATE_BINDINGS=1 cargo test` rewrites it).

use ts_rs::{Config, TS};

use crate::catch_up::CatchUpProgress;
use crate::dto::{
    Commentary, DraftView, LanguageVersion, Library, SectionInfo, TrendTag, WorkspaceInfo,
};
use crate::dto_actions::{CreatedDraft, TrashEntryView};
use crate::dto_board::{
    BlockerView, BoardCellView, BoardConflictView, BoardRowView, BoardSection, BoardView,
    ExportProgress, ExportResult, ExportTarget, LanguageReadinessView, NotMadeFormat, NotMadeView,
};
use crate::dto_history::{
    DiffView, FieldChangeView, FieldsResult, FrontFields, HunkView, ParagraphChangeKind,
    ParagraphView, SaveResult, SpanChange, SpanView, VersionInfo, VersionOrigin,
};
use crate::dto_preview::PreviewView;
use crate::dto_records::{
    ConcurrentEditorial, ConcurrentLabel, ConcurrentStatus, EditorialState, NoteView,
};
use crate::dto_search::{SearchHitView, SearchQuery, TextPart};
use crate::dto_settings::{
    AutoSyncSettings, ProfileInput, ProfileView, PublicationSettings, RoleTag, SectionSettings,
    SettingsSaved, TrendSentences, UiLanguageTag, WorkspaceSettings,
};
use crate::dto_shell::{InitPrompt, MenuAction, OpenOutcome, RecentEntry};
use crate::dto_sync::{
    ClonePrompt, ConflictChoices, ConflictPartsView, ConflictPieceView, ConflictSide,
    SyncConflictView, SyncOutcome, SyncStatus,
};
use crate::dto_translation::{
    JobWordsView, LanguageState, LanguageStatus, RowView, SourceChanges, SourceVersion,
    TranslationPane,
};
use crate::dto_xliff::{XliffImported, XliffSaved};
use crate::error::{ErrorDto, ErrorKind};
use crate::spelling::SpellingView;
use crate::watcher::{FileChange, FolderChanges, PollingNotice};
use galley_core::issue::Reason;
use galley_core::ErrorCode;

/// Where the generated file lives, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/ipc/bindings.ts";

pub fn typescript_declarations() -> String {
    let cfg = Config::new();
    let declarations = [
        ErrorDto::decl(&cfg),
        WorkspaceInfo::decl(&cfg),
        SectionInfo::decl(&cfg),
        Library::decl(&cfg),
        TrendTag::decl(&cfg),
        Commentary::decl(&cfg),
        LanguageVersion::decl(&cfg),
        DraftView::decl(&cfg),
        FrontFields::decl(&cfg),
        FieldsResult::decl(&cfg),
        VersionInfo::decl(&cfg),
        VersionOrigin::decl(&cfg),
        SaveResult::decl(&cfg),
        DiffView::decl(&cfg),
        FieldChangeView::decl(&cfg),
        HunkView::decl(&cfg),
        ParagraphView::decl(&cfg),
        ParagraphChangeKind::decl(&cfg),
        SpanView::decl(&cfg),
        SpanChange::decl(&cfg),
        LanguageState::decl(&cfg),
        LanguageStatus::decl(&cfg),
        TranslationPane::decl(&cfg),
        RowView::decl(&cfg),
        JobWordsView::decl(&cfg),
        SourceChanges::decl(&cfg),
        SourceVersion::decl(&cfg),
        FolderChanges::decl(&cfg),
        PollingNotice::decl(&cfg),
        FileChange::decl(&cfg),
        CatchUpProgress::decl(&cfg),
        ProfileView::decl(&cfg),
        ProfileInput::decl(&cfg),
        AutoSyncSettings::decl(&cfg),
        RoleTag::decl(&cfg),
        UiLanguageTag::decl(&cfg),
        WorkspaceSettings::decl(&cfg),
        SectionSettings::decl(&cfg),
        PublicationSettings::decl(&cfg),
        TrendSentences::decl(&cfg),
        SettingsSaved::decl(&cfg),
        BoardView::decl(&cfg),
        BoardSection::decl(&cfg),
        BoardRowView::decl(&cfg),
        BoardCellView::decl(&cfg),
        BoardConflictView::decl(&cfg),
        EditorialState::decl(&cfg),
        ConcurrentStatus::decl(&cfg),
        ConcurrentEditorial::decl(&cfg),
        ConcurrentLabel::decl(&cfg),
        NoteView::decl(&cfg),
        LanguageReadinessView::decl(&cfg),
        BlockerView::decl(&cfg),
        ExportTarget::decl(&cfg),
        ExportResult::decl(&cfg),
        NotMadeView::decl(&cfg),
        NotMadeFormat::decl(&cfg),
        ExportProgress::decl(&cfg),
        PreviewView::decl(&cfg),
        SearchQuery::decl(&cfg),
        SearchHitView::decl(&cfg),
        TextPart::decl(&cfg),
        XliffSaved::decl(&cfg),
        XliffImported::decl(&cfg),
        RecentEntry::decl(&cfg),
        OpenOutcome::decl(&cfg),
        InitPrompt::decl(&cfg),
        MenuAction::decl(&cfg),
        SyncStatus::decl(&cfg),
        SyncOutcome::decl(&cfg),
        SyncConflictView::decl(&cfg),
        ConflictSide::decl(&cfg),
        ConflictPartsView::decl(&cfg),
        ConflictPieceView::decl(&cfg),
        ConflictChoices::decl(&cfg),
        ClonePrompt::decl(&cfg),
        SpellingView::decl(&cfg),
        CreatedDraft::decl(&cfg),
        TrashEntryView::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust DTOs in src-tauri/ by ts-rs. Do not edit by hand:\n\
         // run `UPDATE_BINDINGS=1 cargo test --test app bindings` to regenerate.\n",
    );
    for declaration in declarations {
        out.push_str("\nexport ");
        out.push_str(&declaration);
        out.push('\n');
    }
    out.push_str(&reason_kinds());
    out.push_str(&error_kinds());
    out.push_str(&error_codes());
    out.push_str(&menu_label_ids());
    out.push_str(&command_names());
    out.push_str(&event_names());
    out
}

/// The menu's labelled parts, so the UI sends a label for each and its catalogue test can check
/// every one has a `menu_<id>` message in every language.
fn menu_label_ids() -> String {
    let quoted: Vec<String> = crate::menu::english_labels()
        .iter()
        .map(|(id, _)| format!("\"{id}\""))
        .collect();
    format!(
        "\n/** Every labelled part of the native menu (`menu::english_labels`). */\n\
         export const MENU_LABEL_IDS = [{}] as const;\n\
         \nexport type MenuLabelId = (typeof MENU_LABEL_IDS)[number];\n",
        quoted.join(", ")
    )
}

/// The IPC commands (command_names.rs) as a value, so `ui/src/ipc/` names each through it.
fn command_names() -> String {
    let entries: Vec<String> = crate::COMMANDS
        .iter()
        .map(|c| format!("  {c}: \"{c}\","))
        .collect();
    format!(
        "\n/** Every IPC command (`command_names.rs`); `ui/src/ipc/` calls them by these. */\n\
         export const COMMANDS = {{\n{}\n}} as const;\n\
         \nexport type Command = (typeof COMMANDS)[keyof typeof COMMANDS];\n",
        entries.join("\n")
    )
}

/// The events the app emits (`events::EVENTS`), so `ui/src/ipc/` listens by these names.
fn event_names() -> String {
    let entries: Vec<String> = crate::events::EVENTS
        .iter()
        .map(|(key, name)| format!("  {key}: \"{name}\","))
        .collect();
    format!(
        "\n/** Every event the app emits to the window (`events::EVENTS`). */\n\
         export const EVENTS = {{\n{}\n}} as const;\n",
        entries.join("\n")
    )
}

/// The error kinds an ErrorDto can carry (the core's, then the shell's own) as a value and the
/// `ErrorKind` union, so the UI's catalogue test can check each has its sentence in every
/// language.
fn error_kinds() -> String {
    let quoted: Vec<String> = ErrorKind::all()
        .iter()
        .map(|k| format!("\"{}\"", k.as_str()))
        .collect();
    format!(
        "\n/** Every error kind the app can report (`ErrorKind::all()`: the core's, then the shell's own). */\n\
         export const ERROR_KINDS = [{}] as const;\n\
         \nexport type ErrorKind = (typeof ERROR_KINDS)[number];\n",
        quoted.join(", ")
    )
}

/// The core's error codes with the names of their facts, so the UI words each from its
/// catalogues and its test checks every code has its sentence in every language.
fn error_codes() -> String {
    let quoted: Vec<String> = ErrorCode::ALL
        .iter()
        .map(|c| format!("\"{}\"", c.as_str()))
        .collect();
    let facts: Vec<String> = ErrorCode::ALL
        .iter()
        .map(|c| {
            let names: Vec<String> = c.arg_names().iter().map(|n| format!("\"{n}\"")).collect();
            format!("  {}: [{}],", c.as_str(), names.join(", "))
        })
        .collect();
    format!(
        "\n/** Every code the core words an error by (`ErrorCode::ALL`); the UI has a sentence for each. */\n\
         export const ERROR_CODES = [{}] as const;\n\
         \nexport type ErrorCode = (typeof ERROR_CODES)[number];\n\
         \n/** The facts (`args`) an error with each code carries (`ErrorCode::arg_names`). */\n\
         export const ERROR_CODE_ARGS: {{ readonly [C in ErrorCode]: readonly string[] }} = {{\n{}\n}};\n",
        quoted.join(", "),
        facts.join("\n")
    )
}

/// The core's readiness reason tags as a value, so the UI's catalogue test can check that each
/// has its sentence in every language.
fn reason_kinds() -> String {
    let quoted: Vec<String> = Reason::KINDS.iter().map(|k| format!("\"{k}\"")).collect();
    format!(
        "\n/** Every readiness reason the core gives (`Reason::KINDS`). */\n\
         export const REASON_KINDS = [{}] as const;\n\
         \nexport type ReasonKind = (typeof REASON_KINDS)[number];\n",
        quoted.join(", ")
    )
}
