// Undo and redo outside CodeMirror: the Details form's own history, and how Edit ▸ Undo/Redo
// reach whichever part of the page has the focus.

/** The form's values by field name, as typed. */
export type FormValues = Readonly<Record<string, string>>;

/** Typing in one field with pauses shorter than this is one step to undo, like in the text. */
export const MERGE_MS = 1000;

/**
 * The Details form's undo history: one snapshot of every field per step. Typing in the same
 * field without a long pause makes one step; a change in another field, a pause, an undo or a
 * redo starts the next.
 */
export class FormUndo {
  #past: FormValues[] = [];
  #future: FormValues[] = [];
  #present: FormValues;
  #lastField: string | null = null;
  #lastAt = -Infinity;

  constructor(
    initial: FormValues,
    private readonly now: () => number = () => Date.now(),
    private readonly mergeMs: number = MERGE_MS,
  ) {
    this.#present = { ...initial };
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** The form now holds `values` after a change in `field`. */
  record(values: FormValues, field: string): void {
    if (same(values, this.#present)) return;
    const at = this.now();
    const merges = field === this.#lastField && at - this.#lastAt < this.mergeMs && this.#past.length > 0;
    if (!merges) this.#past.push(this.#present);
    this.#present = { ...values };
    this.#future = [];
    this.#lastField = field;
    this.#lastAt = at;
  }

  /** The values to show after undoing the last step, or null when there is none. */
  undo(): FormValues | null {
    const previous = this.#past.pop();
    if (!previous) return null;
    this.#future.push(this.#present);
    return this.#moveTo(previous);
  }

  /** The values to show after redoing the last undone step, or null when there is none. */
  redo(): FormValues | null {
    const next = this.#future.pop();
    if (!next) return null;
    this.#past.push(this.#present);
    return this.#moveTo(next);
  }

  #moveTo(values: FormValues): FormValues {
    this.#present = values;
    this.#lastField = null;
    return { ...values };
  }
}

function same(a: FormValues, b: FormValues): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

/** Which way an undo request goes. */
export type UndoDirection = "undo" | "redo";

/** The DOM event Edit ▸ Undo/Redo send to the focused element; the form and the editor listen. */
export const UNDO_EVENT = "galley-undo";

/** Asks whatever has the focus (the text or a form field) to undo or redo. */
export function undoInFocused(direction: UndoDirection): void {
  const target = document.activeElement ?? document.body;
  target.dispatchEvent(new CustomEvent<UndoDirection>(UNDO_EVENT, { bubbles: true, detail: direction }));
}

/** The direction a key press asks for (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y), or null. */
export function undoKey(press: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): UndoDirection | null {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return null;
  const key = press.key.toLowerCase();
  if (key === "z") return press.shiftKey ? "redo" : "undo";
  if (key === "y" && !press.shiftKey) return "redo";
  return null;
}
