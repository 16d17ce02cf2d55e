// The open language version: its text as on disk plus unsaved edits, the save state, and what
// to do when another program changes the file. Components only draw this and call its methods.
import {
  conflictParts,
  editFields,
  listVersions,
  readDraft,
  resolveConflict,
  resolveConflictPieces,
  saveDraft,
  asErrorDto,
} from "../../ipc";
import type { ConflictChoices, ConflictPartsView, DraftView, ErrorDto, FolderChanges, FrontFields, VersionInfo } from "../../ipc";
import { frontBlock } from "./text";

export type SaveState = "saved" | "saving" | "unsaved" | "conflict";

/** How long typing must pause before an autosave. */
export const AUTOSAVE_MS = 1500;

/** How long typing must pause before what is derived from the whole text (word count,
 * preview, saved-or-not) is worked out again: a key costs O(1) here, not O(text). */
export const SETTLE_MS = 250;

/** Reads the editor's current body; called only when the text is needed. */
export type BodyReader = () => string;

export class OpenDraft {
  view = $state<DraftView | null>(null);
  /** Changes when the text settles (load, form edit, a pause in typing): what reads `text` or
   * `body` in a reactive context is redone then, not on every key. */
  settled = $state(0);
  state = $state<SaveState>("saved");
  conflict = $state<{ theirs: VersionInfo; ours: VersionInfo } | null>(null);
  notice = $state<string | null>(null);
  error = $state<ErrorDto | null>(null);
  /** Changes whenever the text was replaced from outside the editor (load, reload). */
  loads = $state(0);
  /** Changes whenever a new version was recorded (for the History tab). */
  versions = $state(0);
  /** Changes after each save that wrote a version (the pause before an automatic sync). */
  saves = $state(0);
  /** The conflict is one a sync left: its buttons settle it through the core. */
  fromSync = $state(false);
  /** What the two sides of a sync conflict disagree on, to settle piece by piece (null: whole). */
  parts = $state<ConflictPartsView | null>(null);
  /** Changes when a sync conflict was settled (the Sync control reads its state again). */
  resolved = $state(0);
  /** The form field whose value the core refused, and why; the text does not hold that value. */
  refused = $state<{ field: string; error: ErrorDto } | null>(null);

  #hash: string | null = null;
  /** The form holds edits not yet applied to the text (typed, or refused by the core). */
  #formPending = false;
  #savedText = "";
  // The editor owns the text while typing; these are its last materialised copy.
  #front = "";
  #body = "";
  #read: BodyReader | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #settleTimer: ReturnType<typeof setTimeout> | null = null;
  #saving: Promise<void> | null = null;
  #fields: Promise<void> = Promise.resolve();
  #loading: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  load(notice: string | null = null): Promise<void> {
    this.#loading = this.#load(notice);
    return this.#loading;
  }

  async #load(notice: string | null): Promise<void> {
    try {
      const view = await readDraft(this.path);
      this.view = view;
      this.#read = null;
      this.#clearSettleTimer();
      this.#front = frontBlock(view.text, view.body);
      this.#body = view.body;
      this.#hash = view.hash;
      this.#savedText = view.text;
      this.state = "saved";
      this.conflict = null;
      this.fromSync = false;
      this.parts = null;
      this.error = null;
      this.refused = null;
      this.#formPending = false;
      this.notice = notice;
      this.loads += 1;
      this.versions += 1;
      this.settled += 1;
    } catch (reason) {
      this.error = asErrorDto(reason);
    }
  }

  /** The whole file text including unsaved edits. */
  get text(): string {
    return this.#front + this.body;
  }

  /** The body including unsaved edits. */
  get body(): string {
    void this.settled; // reactive readers update when the text settles
    if (this.#read) {
      this.#body = this.#read();
      this.#read = null;
    }
    return this.#body;
  }

  /** The editor's body changed (tests and callers holding a string). */
  setBody(body: string): void {
    if (body === this.body) return;
    this.edited(() => body);
  }

  /** The editor changed its text: O(1) per key; `read` is called when the text is needed. */
  edited(read: BodyReader): void {
    this.#read = read;
    if (this.state === "conflict") return;
    this.state = "unsaved";
    this.notice = null;
    this.#schedule();
    if (this.#settleTimer !== null) clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => this.#settle(), SETTLE_MS);
  }

  /** A form field is being typed in: unsaved at once, applied when the form commits. */
  formEdited(): void {
    this.#formPending = true;
    if (this.state === "conflict") return;
    this.state = "unsaved";
    this.notice = null;
    this.#schedule();
  }

  /** The form changed: the core rewrites only the changed keys. */
  setFields(fields: FrontFields): Promise<void> {
    // Saves wait for it, so Ctrl+S right after a form edit saves the edit too.
    this.#fields = this.#fields.then(() => this.#applyFields(fields));
    return this.#fields;
  }

  async #applyFields(fields: FrontFields): Promise<void> {
    try {
      const body = this.body;
      const result = await editFields(this.path, this.#front + body, fields);
      this.error = null;
      if (result.outcome === "refused") {
        // The form keeps the value and shows why; the text keeps what it had.
        this.refused = { field: result.field, error: result.error };
        this.#formPending = true;
        if (this.state !== "conflict") this.state = "unsaved";
        return;
      }
      this.refused = null;
      this.#formPending = false;
      // Keys typed while the core worked stay: only the front matter block is taken.
      if (result.text !== this.#front + body) this.#front = frontBlock(result.text, body);
      this.#settle();
    } catch (reason) {
      this.error = asErrorDto(reason);
      if (this.state !== "conflict") this.state = "unsaved";
    }
  }

  /** Saves now (Ctrl/Cmd+S, or when the pause after typing is over). */
  async save(): Promise<void> {
    this.#clearTimer();
    await this.#fields;
    while (this.#saving) await this.#saving;
    if (this.state === "conflict" || this.text === this.#savedText) return;
    this.#saving = this.#saveOnce().finally(() => (this.#saving = null));
    await this.#saving;
  }

  async #saveOnce(): Promise<void> {
    const text = this.text;
    this.state = "saving";
    try {
      const result = await saveDraft(this.path, text, this.#hash);
      this.error = null;
      if (result.outcome === "conflict") {
        this.conflict = { theirs: result.theirs, ours: result.ours };
        this.state = "conflict";
      } else {
        this.#hash = result.hash;
        this.#savedText = text;
        this.state = this.#isSaved(text) ? "saved" : "unsaved";
        if (this.state === "unsaved") this.#schedule();
        if (result.outcome === "saved") this.saves += 1;
      }
      this.versions += 1;
    } catch (reason) {
      this.error = asErrorDto(reason);
      this.state = "unsaved";
    }
  }

  /** Other programs changed files: reload quietly, or turn unsaved edits into a conflict. */
  async external(changes: FolderChanges): Promise<void> {
    const change = changes.changes.find((c) => c.path === this.path);
    if (change) await this.#changedOnDisk(change.version.hash);
  }

  /** A sync may have changed the file: the same as another program's edit. */
  async afterSync(): Promise<void> {
    if (this.state === "conflict") return;
    try {
      await this.#changedOnDisk((await readDraft(this.path)).hash);
    } catch {
      // The file went away or cannot be read; the library shows what is there now.
    }
  }

  async #changedOnDisk(hash: string | null): Promise<void> {
    if (hash === this.#hash) return;
    this.versions += 1;
    if (this.state === "saved") {
      await this.load("reloaded");
    } else if (this.state !== "conflict") {
      // Saving against the old hash records both texts and reports the conflict.
      await this.save();
    }
  }

  /** Shows the conflict a sync left in this file (its two sides by hash) in the conflict bar. */
  async showSyncConflict(ours: string, theirs: string): Promise<void> {
    await this.#loading;
    try {
      const versions = await listVersions(this.path);
      const find = (hash: string) => versions.find((v) => v.hash === hash);
      const [o, th] = [find(ours), find(theirs)];
      if (!o || !th) return;
      this.conflict = { ours: o, theirs: th };
      this.fromSync = true;
      this.state = "conflict";
      this.parts = await conflictParts(this.path);
    } catch (reason) {
      this.error = asErrorDto(reason);
    }
  }

  /** Sync conflict: theirs for the chosen pieces, yours for the rest. */
  settlePieces(choices: ConflictChoices): Promise<void> {
    return this.#settleSync(() => resolveConflictPieces(this.path, choices));
  }

  async #settleSync(settle: "ours" | "theirs" | (() => Promise<void>)): Promise<void> {
    try {
      await (typeof settle === "function" ? settle() : resolveConflict(this.path, settle));
      await this.load();
      this.resolved += 1;
    } catch (reason) {
      this.error = asErrorDto(reason);
    }
  }

  /** Conflict: write our text over theirs (theirs stays in history). */
  async keepMine(): Promise<void> {
    if (this.fromSync) return this.#settleSync("ours");
    const theirs = this.conflict?.theirs;
    if (!theirs) return;
    this.#hash = theirs.hash;
    this.conflict = null;
    this.state = "unsaved";
    this.#savedText = "";
    await this.save();
  }

  /** Conflict: take the file as it is on disk (ours stays in history). */
  async takeTheirs(): Promise<void> {
    if (this.fromSync) return this.#settleSync("theirs");
    await this.load();
  }

  dispose(): void {
    this.#clearTimer();
    this.#clearSettleTimer();
  }

  /** Typing paused (or the form changed): compare with the saved text, tell readers. */
  #settle(): void {
    this.#clearSettleTimer();
    this.settled += 1;
    if (this.state === "conflict") return;
    this.state = this.#isSaved(this.#savedText) ? "saved" : "unsaved";
    this.notice = null;
    // A pending autosave keeps its time (counted from the last key).
    if (this.state === "saved") this.#clearTimer();
    else if (this.#timer === null) this.#schedule();
  }

  /** Whether the file holds `saved` and it is all there is: the text and no pending form edit. */
  #isSaved(saved: string): boolean {
    return !this.#formPending && this.text === saved;
  }

  #clearSettleTimer(): void {
    if (this.#settleTimer !== null) clearTimeout(this.#settleTimer);
    this.#settleTimer = null;
  }

  #schedule(): void {
    this.#clearTimer();
    if (this.state === "unsaved") this.#timer = setTimeout(() => void this.save(), AUTOSAVE_MS);
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
