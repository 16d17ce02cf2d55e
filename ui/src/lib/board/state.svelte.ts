// The open board and its export: what the core last said, and the one call each action makes.
// Components draw these and call their methods; errors are kept to be shown where they belong.
import {
  startTranslation,
  asErrorDto,
  chooseExportTarget,
  exportIssue,
  exportTarget,
  issueBoard,
  moveCommentary,
  onExportProgress,
  setEditorialStatus,
  setIssueTitle,
  showExportFolder,
} from "../../ipc";
import type { BoardView, ErrorDto, ExportProgress, ExportResult, ExportTarget } from "../../ipc";
import { isNoMove, type Place } from "./board";

export class IssueBoard {
  board = $state<BoardView | null>(null);
  error = $state<ErrorDto | null>(null);
  busy = $state(false);

  constructor(readonly week: string) {}

  load(): Promise<void> {
    return this.#run(() => issueBoard(this.week));
  }

  /** Moves `id` (reorder or to another section); the core's refusal is shown as `error`. */
  move(id: string, place: Place): Promise<void> {
    if (this.board && isNoMove(this.board, id, place)) return Promise.resolve();
    return this.#run(() => moveCommentary(this.week, id, place.section, place.position));
  }

  setEditorial(id: string, status: string): Promise<void> {
    return this.#run(() => setEditorialStatus(this.week, id, status));
  }

  /** Sets the issue's title in `lang`; the core refuses a blank or multi-line one. */
  setTitle(lang: string, title: string): Promise<void> {
    if (this.board && (this.board.titles[lang] ?? "") === title.trim()) return Promise.resolve();
    return this.#run(() => setIssueTitle(this.week, lang, title));
  }

  /** Starts the missing `lang` translation of `id` (as `galley translate start`), then shows the
   * board as it is now. */
  start(id: string, lang: string): Promise<void> {
    return this.#run(async () => {
      await startTranslation(id, lang);
      return issueBoard(this.week);
    });
  }

  async #run(call: () => Promise<BoardView>): Promise<void> {
    this.busy = true;
    try {
      this.board = await call();
      this.error = null;
    } catch (reason) {
      this.error = asErrorDto(reason);
    } finally {
      this.busy = false;
    }
  }
}

export class IssueExport {
  /** The default place, inside the workspace. */
  target = $state<ExportTarget | null>(null);
  /** What the dialog chose, if anything. */
  chosen = $state<ExportTarget | null>(null);
  useChosen = $state(false);
  onlyComplete = $state(false);
  running = $state(false);
  progress = $state<ExportProgress | null>(null);
  result = $state<ExportResult | null>(null);
  error = $state<ErrorDto | null>(null);

  /** `before` runs ahead of each export (a sync, so the bundle holds the team's latest); its
   * failure is its own to show and does not stop the export. */
  constructor(
    readonly week: string,
    private readonly before: () => Promise<void> = () => Promise.resolve(),
  ) {}

  async load(): Promise<void> {
    await this.#guard(async () => {
      this.target = await exportTarget(this.week);
    });
  }

  /** Opens the native dialog for a folder or a zip; cancelling keeps what was there. */
  async choose(zip: boolean): Promise<void> {
    await this.#guard(async () => {
      const chosen = await chooseExportTarget(this.week, zip);
      if (chosen) {
        this.chosen = chosen;
        this.useChosen = true;
      }
    });
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.result = null;
    this.progress = null;
    const stop = await onExportProgress((step) => {
      if (step.week === this.week) this.progress = step;
    }).catch(() => null); // without events the export still runs, only the bar stays still
    try {
      await this.before().catch(() => {});
      await this.#guard(async () => {
        this.result = await exportIssue(this.week, this.onlyComplete, this.useChosen && this.chosen !== null);
      });
    } finally {
      stop?.();
      this.running = false;
    }
  }

  show(): Promise<void> {
    return this.#guard(() => showExportFolder());
  }

  async #guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
      this.error = null;
    } catch (reason) {
      this.error = asErrorDto(reason);
    }
  }
}
