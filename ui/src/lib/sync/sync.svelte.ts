// The workspace's sharing state as the UI holds it: where it stands, whether a sync runs, the
// last one's outcome and time, and the conflicts left to settle. Components draw this and call
// its methods; App refreshes the library, board, History and the open draft after a sync.
import { asErrorDto, shareWorkspace, syncConflicts, syncNow, syncState } from "../../ipc";
import type { ErrorDto, SyncConflictView, SyncOutcome, SyncStatus } from "../../ipc";
import { glance, type Glance } from "./glance";

export class SyncModel {
  status = $state<SyncStatus | null>(null);
  running = $state(false);
  offline = $state(false);
  error = $state<ErrorDto | null>(null);
  /** When this machine last reached the shared repository (kept by the core across sessions). */
  readonly lastAt: Date | null = $derived(this.status?.lastSynced ? new Date(this.status.lastSynced) : null);
  last = $state<SyncOutcome | null>(null);
  conflicts = $state<SyncConflictView[]>([]);

  readonly glance: Glance = $derived(
    glance({ status: this.status, running: this.running, offline: this.offline, error: this.error }),
  );

  /** `onsynced` runs after every sync that changed or may have changed files. */
  constructor(private readonly onsynced: (outcome: SyncOutcome) => void = () => {}) {}

  /** Reads where the workspace stands (no network). */
  async refresh(): Promise<void> {
    try {
      this.status = await syncState();
      this.conflicts = this.status.conflicts > 0 ? await syncConflicts() : [];
      // A state that reads again clears an error from reading it; a failed sync's stays.
      if (this.error?.kind !== "sync") this.error = null;
    } catch (reason) {
      this.error = asErrorDto(reason);
    }
  }

  /** Syncs now. `auto` syncs (on open, after a pause, before an export) skip a workspace that is
   * not shared. Resolves when done; never rejects (the error is shown in the panel). */
  async run(auto = false): Promise<void> {
    if (this.running) return;
    if (auto && this.status && !this.status.shared) return;
    await this.#sync(syncNow);
  }

  /** Makes the workspace shared through `url`; rejects with the core's error for the dialog. */
  async share(url: string): Promise<void> {
    if (this.running) return;
    await this.#sync(() => shareWorkspace(url), true);
  }

  async #sync(work: () => Promise<SyncOutcome>, rethrow = false): Promise<void> {
    this.running = true;
    try {
      const outcome = await work();
      this.last = outcome;
      this.status = outcome.status;
      this.offline = outcome.offline;
      this.error = null;
      this.conflicts = outcome.status.conflicts > 0 ? await syncConflicts().catch(() => outcome.conflicts) : [];
      this.onsynced(outcome);
    } catch (reason) {
      const error = asErrorDto(reason);
      if (rethrow) throw error;
      this.error = error;
    } finally {
      this.running = false;
    }
  }
}
