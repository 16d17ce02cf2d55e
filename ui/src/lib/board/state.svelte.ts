// The open board and its export: what the core last said, the call each action makes, and the
// board's undo (every move, step and status change). Components draw these and call their
// methods; errors are kept to be shown where they belong.
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
  stepCommentary,
} from "../../ipc";
import type { BoardView, ErrorDto, ExportProgress, ExportResult, ExportTarget } from "../../ipc";
import { isNoMove, locate, type Editorial, type Place } from "./board";
import { editorialPath, undoCalls, UndoStack, type BoardAction } from "./undo";

export class IssueBoard {
  board = $state<BoardView | null>(null);
  error = $state<ErrorDto | null>(null);
  busy = $state(false);
  /** The action the toast offers to undo (the newest), until another comes or it is undone. */
  undoable = $state<BoardAction | null>(null);
  /** The commentaries ticked for a bulk action. */
  selected = $state<string[]>([]);
  /** How many actions can be undone (Ctrl+Z does nothing at 0). */
  depth = $state(0);
  readonly #undo = new UndoStack();

  constructor(readonly week: string) {}

  async load(): Promise<void> {
    await this.#run(() => issueBoard(this.week));
  }

  /** Moves `id` by drag or to another section; the core's refusal is shown as `error`. */
  async move(id: string, place: Place): Promise<void> {
    const board = this.board;
    if (board && isNoMove(board, id, place)) return;
    const from = board ? placeOf(board, id) : null;
    if (await this.#run(() => moveCommentary(this.week, id, place.section, place.position)) && from) {
      this.#did({ kind: "move", id, title: titleOf(board, id), from, to: place });
    }
  }

  /** One place up (-1) or down (+1) within its section; the core refuses leaving it. */
  async step(id: string, delta: -1 | 1): Promise<void> {
    const board = this.board;
    if (await this.#run(() => stepCommentary(this.week, id, delta < 0 ? "up" : "down"))) {
      this.#did({ kind: "step", id, title: titleOf(board, id), delta });
    }
  }

  async setEditorial(id: string, status: string): Promise<void> {
    const from = this.#editorialOf(id);
    if (await this.#run(() => setEditorialStatus(this.week, id, status)) && from) {
      this.#did({ kind: "editorial", changes: [{ id, title: titleOf(this.board, id), from, to: status as Editorial }] });
    }
  }

  /** Approves every selected commentary, through review where it is a draft; one undo puts
   * them all back. Stops at the first refusal, keeping (and offering to undo) what was done. */
  async approveSelected(): Promise<void> {
    const changes: { id: string; title: string; from: Editorial; to: Editorial }[] = [];
    for (const id of this.selected) {
      const from = this.#editorialOf(id);
      if (!from || from === "approved") continue;
      const title = titleOf(this.board, id);
      let ok = true;
      for (const status of editorialPath(from, "approved")) {
        ok = await this.#run(() => setEditorialStatus(this.week, id, status));
        if (!ok) break;
      }
      // A row that stopped half-way (in review) is undone from where it is.
      const now = this.#editorialOf(id) ?? from;
      if (now !== from) changes.push({ id, title, from, to: now });
      if (!ok) break;
    }
    if (changes.length > 0) this.#did({ kind: "editorial", changes });
    if (!this.error) this.selected = [];
  }

  /** Undoes the newest action (Ctrl+Z on the board, the toast's Undo). */
  async undo(): Promise<void> {
    const action = this.#undo.pop();
    this.depth = this.#undo.size;
    this.undoable = null;
    if (!action) return;
    for (const call of undoCalls(action)) {
      const ok = await this.#run(() => {
        switch (call.kind) {
          case "move":
            return moveCommentary(this.week, call.id, call.place.section, call.place.position);
          case "step":
            return stepCommentary(this.week, call.id, call.delta < 0 ? "up" : "down");
          case "editorial":
            return setEditorialStatus(this.week, call.id, call.status);
        }
      });
      if (!ok) return;
    }
  }

  /** Sets the issue's title in `lang`; the core refuses a blank or multi-line one. */
  setTitle(lang: string, title: string): Promise<void> {
    if (this.board && (this.board.titles[lang] ?? "") === title.trim()) return Promise.resolve();
    return this.#run(() => setIssueTitle(this.week, lang, title)).then(() => {});
  }

  /** Starts the missing `lang` translation of `id` (as `galley translate start`), then shows the
   * board as it is now. */
  start(id: string, lang: string): Promise<void> {
    return this.#run(async () => {
      await startTranslation(id, lang);
      return issueBoard(this.week);
    }).then(() => {});
  }

  toggleSelected(id: string, on: boolean): void {
    this.selected = on ? [...new Set([...this.selected, id])] : this.selected.filter((s) => s !== id);
  }

  dismissUndo(): void {
    this.undoable = null;
  }

  #did(action: BoardAction): void {
    this.#undo.push(action);
    this.depth = this.#undo.size;
    this.undoable = action;
  }

  #editorialOf(id: string): Editorial | null {
    for (const group of this.board?.sections ?? []) {
      const row = group.rows.find((r) => r.id === id);
      if (row) return row.editorial as Editorial;
    }
    return null;
  }

  /** Runs one core call; true when it succeeded (the board is then the core's answer). */
  async #run(call: () => Promise<BoardView>): Promise<boolean> {
    this.busy = true;
    try {
      this.board = await call();
      this.error = null;
      return true;
    } catch (reason) {
      this.error = asErrorDto(reason);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/** Where `id` is, as a move to put it back there would say it. */
function placeOf(board: BoardView, id: string): Place | null {
  const at = locate(board, id);
  const key = at ? board.sections[at.section]?.key : null;
  return at && key != null ? { section: key, position: at.index } : null;
}

function titleOf(board: BoardView | null, id: string): string {
  for (const group of board?.sections ?? []) {
    const row = group.rows.find((r) => r.id === id);
    if (row) return row.title ?? id;
  }
  return id;
}

/** "Only complete languages" per week, for as long as the app runs: following a readiness
 * link to fix something and coming back to the board keeps the choice. */
const onlyCompleteByWeek = new Map<string, boolean>();

export class IssueExport {
  /** The default place, inside the workspace. */
  target = $state<ExportTarget | null>(null);
  /** What the dialog chose, if anything. */
  chosen = $state<ExportTarget | null>(null);
  useChosen = $state(false);
  #onlyComplete = $state(false);
  running = $state(false);
  progress = $state<ExportProgress | null>(null);
  result = $state<ExportResult | null>(null);
  error = $state<ErrorDto | null>(null);

  /** `before` runs ahead of each export (a sync, so the bundle holds the team's latest); its
   * failure is its own to show and does not stop the export. */
  constructor(
    readonly week: string,
    private readonly before: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.#onlyComplete = onlyCompleteByWeek.get(week) ?? false;
  }

  get onlyComplete(): boolean {
    return this.#onlyComplete;
  }

  set onlyComplete(value: boolean) {
    this.#onlyComplete = value;
    onlyCompleteByWeek.set(this.week, value);
  }

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
