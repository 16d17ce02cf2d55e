// The shell's actions, in one place: a native menu item (the `menu` event) and its keyboard
// shortcut name the same action, and the same handler runs for both.
import type { MenuAction } from "../../ipc";

/** The action names src-tauri/menu.rs sends (keep the two lists in step). */
export const SHELL_ACTIONS = [
  "open-workspace",
  "open-recent",
  "save",
  "focus-mode",
  "toggle-preview",
  "show-history",
  "show-translation",
  "sync",
  "set-up-sharing",
  "open-shared",
  "undo",
  "redo",
  "find",
  "replace",
  "quit",
] as const;

export type ShellAction = (typeof SHELL_ACTIONS)[number];

/** A handler per action; `path` is set only for `open-recent` (a folder from the recent list). */
export type ActionHandlers = { [A in ShellAction]?: (path: string | null) => void };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function isShellAction(name: string): name is ShellAction {
  return (SHELL_ACTIONS as readonly string[]).includes(name);
}

/** The action a shortcut stands for: the menu's accelerators, for when the webview gets the key. */
export function actionForKey(press: KeyPress): ShellAction | null {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return null;
  const key = press.key.toLowerCase();
  if (key === "s") return press.shiftKey ? "sync" : "save";
  if (key === "o" && !press.shiftKey) return "open-workspace";
  if (key === "f" && press.shiftKey) return "focus-mode";
  if (key === "f") return "find";
  if (key === "h" && !press.shiftKey) return "replace";
  if (key === "p" && press.shiftKey) return "toggle-preview";
  return null;
}

/**
 * Runs the handler for `request`. Returns whether one ran: unknown actions, actions this screen
 * has no handler for, and `open-recent` without a folder are ignored.
 */
export function dispatch(handlers: ActionHandlers, request: MenuAction): boolean {
  if (!isShellAction(request.action)) return false;
  if (request.action === "open-recent" && !request.path) return false;
  const handler = handlers[request.action];
  if (!handler) return false;
  handler(request.path);
  return true;
}
