// The one path by which every view learns that the workspace changed: the core's
// `workspace-changed` event. The app fires it after each of its own commands that changed
// something (`byApp`: a save, a status, a move, a sync, in this window or another), and the
// watcher after other programs' edits, the CLI and records arriving from other machines. Views
// never tell each other; they follow this, so a badge cannot stay behind another view's.
import { listCommentaries, onFolderChanges } from "../../ipc";
import type { ErrorDto, FolderChanges, Library, PollingNotice } from "../../ipc";
import { t } from "../../i18n";

/** The polling notice in the UI language; only the system's reason stays in its own words. */
export function pollingText(notice: PollingNotice): string {
  return t("watchPolling", { seconds: notice.seconds, reason: notice.reason });
}

export type Follower = (changes: FolderChanges) => unknown;

export class WorkspaceChanges {
  /** Moves on every change: components that reload through a prop follow it. */
  revision = $state(0);
  /** What the watcher last had to say (files left alone, its errors, polling instead of being
   * notified), kept until the user dismisses it. */
  notices = $state<PollingNotice[]>([]);
  /** Files the watcher left alone and its own errors, as data worded in the UI language. */
  problems = $state<ErrorDto[]>([]);
  #followers = new Set<Follower>();

  /** Starts hearing the core; resolves to the function that stops it. */
  listen(): Promise<() => void> {
    return onFolderChanges((changes) => this.heard(changes));
  }

  heard(changes: FolderChanges): void {
    const news = changes.notices.filter((n) => !this.notices.some((k) => k.seconds === n.seconds && k.reason === n.reason));
    if (news.length > 0) this.notices = [...this.notices, ...news];
    // One problem once: the same refusal of the same file says the same sentence.
    const fresh = changes.problems.filter((p) => !this.problems.some((known) => known.message === p.message));
    if (fresh.length > 0) this.problems = [...this.problems, ...fresh];
    this.revision += 1;
    for (const follower of this.#followers) void follower(changes);
  }

  dismissNotices(): void {
    this.notices = [];
    this.problems = [];
  }

  /** Calls `follower` after every change; returns the function that stops it. */
  follow(follower: Follower): () => void {
    this.#followers.add(follower);
    return () => this.#followers.delete(follower);
  }
}

/** The library (sidebar) as the core last listed it, reloaded after every change. */
export class LibraryStore {
  library = $state<Library | null>(null);
  readonly stop: () => void;

  constructor(changes: WorkspaceChanges, initial: Library | null = null) {
    this.library = initial;
    this.stop = changes.follow(() => this.load());
  }

  async load(): Promise<void> {
    try {
      this.library = await listCommentaries();
    } catch {
      // The library keeps its last state; the next change tries again.
    }
  }
}
