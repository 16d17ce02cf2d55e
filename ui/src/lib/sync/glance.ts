// The Sync control's one-word state, worked out from what the app knows (pure, so the control's
// states are tested without Tauri). Conflicts and errors outrank everything: they need a person.
import type { ErrorDto, SyncStatus } from "../../ipc";
import { t } from "../../i18n";

export type Glance =
  | { kind: "syncing" }
  | { kind: "not-shared" }
  | { kind: "attention" }
  | { kind: "offline"; toSend: number }
  | { kind: "to-send"; count: number }
  | { kind: "to-receive"; count: number }
  | { kind: "in-sync" }
  | { kind: "unknown" };

export interface SyncFacts {
  status: SyncStatus | null;
  running: boolean;
  /** The last sync could not reach the shared repository. */
  offline: boolean;
  error: ErrorDto | null;
}

export function glance({ status, running, offline, error }: SyncFacts): Glance {
  if (running) return { kind: "syncing" };
  if (error || (status && status.conflicts > 0)) return { kind: "attention" };
  if (!status) return { kind: "unknown" };
  if (!status.shared) return { kind: "not-shared" };
  if (offline) return { kind: "offline", toSend: status.toSend };
  if (status.toSend > 0) return { kind: "to-send", count: status.toSend };
  if (status.toReceive > 0) return { kind: "to-receive", count: status.toReceive };
  return { kind: "in-sync" };
}

export function glanceText(g: Glance): string {
  switch (g.kind) {
    case "syncing":
      return t("syncRunning");
    case "not-shared":
      return t("syncNotShared");
    case "attention":
      return t("syncAttention");
    case "offline":
      return t("syncOffline");
    case "to-send":
      return t("syncToSend", { count: g.count });
    case "to-receive":
      return t("syncToReceive", { count: g.count });
    case "in-sync":
      return t("syncInSync");
    case "unknown":
      return t("syncChecking");
  }
}

/** The icon beside the word (never colour or icon alone). */
export function glanceIcon(g: Glance): string {
  switch (g.kind) {
    case "syncing":
      return "⟳";
    case "attention":
      return "⚠";
    case "offline":
      return "⊘";
    case "to-send":
      return "↑";
    case "to-receive":
      return "↓";
    case "in-sync":
      return "✓";
    default:
      return "⟳";
  }
}
