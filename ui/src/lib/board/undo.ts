// The board's undo: each action (a move, a step, editorial status changes, a bulk approve) is
// kept with what it changed, and undoing it is the calls that put that back. Pure: the state
// class makes the calls (each a change the core records, never a rewrite of history).
import { EDITORIAL, type Editorial, type Place } from "./board";

export type BoardAction =
  /** Moved by drag or to another section: back is a move to where it was. */
  | { kind: "move"; id: string; title: string; from: Place; to: Place }
  /** One place up (-1) or down (+1) within its section: back is the opposite step. */
  | { kind: "step"; id: string; title: string; delta: -1 | 1 }
  /** Editorial statuses changed (one, or a bulk approve): back is each one's old status. */
  | { kind: "editorial"; changes: { id: string; title: string; from: Editorial; to: Editorial }[] };

export type UndoCall =
  | { kind: "move"; id: string; place: Place }
  | { kind: "step"; id: string; delta: -1 | 1 }
  | { kind: "editorial"; id: string; status: Editorial };

/**
 * The statuses to set, in order, to go from `from` to `to` under the core's workflow (forward
 * one step at a time, back any number): approving a draft goes through review.
 */
export function editorialPath(from: Editorial, to: Editorial): Editorial[] {
  const a = EDITORIAL.indexOf(from);
  const b = EDITORIAL.indexOf(to);
  if (a === b) return [];
  if (b < a) return [to];
  return EDITORIAL.slice(a + 1, b + 1);
}

/** The calls that undo `action`, in order. */
export function undoCalls(action: BoardAction): UndoCall[] {
  switch (action.kind) {
    case "move":
      return [{ kind: "move", id: action.id, place: action.from }];
    case "step":
      return [{ kind: "step", id: action.id, delta: action.delta === 1 ? -1 : 1 }];
    case "editorial":
      // Latest first, so a row changed twice in one action ends where it began.
      return [...action.changes]
        .reverse()
        .flatMap((c) => editorialPath(c.to, c.from).map((status) => ({ kind: "editorial" as const, id: c.id, status })));
  }
}

/** What the board did, newest last; a bounded stack (the oldest goes first). */
export class UndoStack {
  #done: BoardAction[] = [];
  constructor(private readonly limit = 50) {}

  push(action: BoardAction): void {
    this.#done.push(action);
    if (this.#done.length > this.limit) this.#done.shift();
  }

  pop(): BoardAction | undefined {
    return this.#done.pop();
  }

  peek(): BoardAction | undefined {
    return this.#done.at(-1);
  }

  get size(): number {
    return this.#done.length;
  }

  clear(): void {
    this.#done = [];
  }
}

/** Whether ↑ (-1) or ↓ (+1) has somewhere to go: steps never leave the section. */
export function canStep(rows: number, index: number, delta: -1 | 1): boolean {
  const next = index + delta;
  return next >= 0 && next < rows;
}
