// Generated from the Rust DTOs in src-tauri/ by ts-rs. Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test --test app bindings` to regenerate.

export type ErrorDto = { kind: string, message: string, };

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
problems: Array<ErrorDto>, };

export type Commentary = { id: string, 
/**
 * The title in the source language.
 */
title: string, sourceLang: string, 
/**
 * ISO week of the issue, e.g. "2020-W20".
 */
issue: string | null, section: string | null, trend: string | null, versions: Array<LanguageVersion>, };

export type LanguageVersion = { lang: string, 
/**
 * Path relative to the workspace root; pass it to `read_draft`.
 */
path: string, title: string, words: number, };

export type DraftView = { path: string, id: string, lang: string, title: string, trend: string | null, authors: Array<string>, lead: string, section: string | null, issue: string | null, tags: Array<string>, translationOf: string | null, 
/**
 * The Markdown after the front matter, as on disk.
 */
body: string, };
