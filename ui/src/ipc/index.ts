// The only module that talks to Tauri. Everything else imports these functions and the
// generated types, never `@tauri-apps/api`.
import { invoke } from "@tauri-apps/api/core";
import type { DraftView, ErrorDto, Library, WorkspaceInfo } from "./bindings";

export type {
  Commentary,
  DraftView,
  ErrorDto,
  LanguageVersion,
  Library,
  SectionInfo,
  WorkspaceInfo,
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
