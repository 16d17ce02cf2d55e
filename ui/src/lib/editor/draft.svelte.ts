// The open language version: its text as on disk plus unsaved edits, the save state, and what
// to do when another program changes the file. Components only draw this and call its methods.
import { editFields, readDraft, saveDraft, asErrorDto } from "../../ipc";
import type { DraftView, ErrorDto, FolderChanges, FrontFields, VersionInfo } from "../../ipc";
import { frontBlock } from "./text";

export type SaveState = "saved" | "saving" | "unsaved" | "conflict";

/** How long typing must pause before an autosave. */
export const AUTOSAVE_MS = 1500;

export class OpenDraft {
  view = $state<DraftView | null>(null);
  /** The whole file text including unsaved edits. */
  text = $state("");
  body = $state("");
  state = $state<SaveState>("saved");
  conflict = $state<{ theirs: VersionInfo; ours: VersionInfo } | null>(null);
  notice = $state<string | null>(null);
  error = $state<ErrorDto | null>(null);
  /** Changes whenever the text was replaced from outside the editor (load, reload). */
  loads = $state(0);
  /** Changes whenever a new version was recorded (for the History tab). */
  versions = $state(0);

  #hash: string | null = null;
  #savedText = "";
  #timer: ReturnType<typeof setTimeout> | null = null;
  #saving: Promise<void> | null = null;
  #fields: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  async load(notice: string | null = null): Promise<void> {
    try {
      const view = await readDraft(this.path);
      this.view = view;
      this.text = view.text;
      this.body = view.body;
      this.#hash = view.hash;
      this.#savedText = view.text;
      this.state = "saved";
      this.conflict = null;
      this.error = null;
      this.notice = notice;
      this.loads += 1;
      this.versions += 1;
    } catch (reason) {
      this.error = asErrorDto(reason);
    }
  }

  /** The editor's body changed. */
  setBody(body: string): void {
    if (body === this.body) return;
    this.text = frontBlock(this.text, this.body) + body;
    this.body = body;
    this.#changed();
  }

  /** The form changed: the core rewrites only the changed keys. */
  setFields(fields: FrontFields): Promise<void> {
    // Saves wait for it, so Ctrl+S right after a form edit saves the edit too.
    this.#fields = this.#fields.then(() => this.#applyFields(fields));
    return this.#fields;
  }

  async #applyFields(fields: FrontFields): Promise<void> {
    try {
      const text = await editFields(this.path, this.text, fields);
      this.error = null;
      if (text === this.text) return;
      this.text = text;
      this.#changed();
    } catch (reason) {
      this.error = asErrorDto(reason);
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
        this.state = this.text === text ? "saved" : "unsaved";
        if (this.state === "unsaved") this.#schedule();
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
    if (!change || change.version.hash === this.#hash) return;
    this.versions += 1;
    if (this.state === "saved") {
      await this.load("reloaded");
    } else if (this.state !== "conflict") {
      // Saving against the old hash records both texts and reports the conflict.
      await this.save();
    }
  }

  /** Conflict: write our text over theirs (theirs stays in history). */
  async keepMine(): Promise<void> {
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
    await this.load();
  }

  dispose(): void {
    this.#clearTimer();
  }

  #changed(): void {
    if (this.state === "conflict") return;
    this.state = this.text === this.#savedText ? "saved" : "unsaved";
    this.notice = null;
    this.#schedule();
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
