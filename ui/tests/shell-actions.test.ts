import { describe, expect, it } from "vitest";
import { actionForKey, dispatch, isShellAction, SHELL_ACTIONS, type ActionHandlers } from "../src/lib/shell/actions";

const press = (key: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

function recorder(): { calls: [string, string | null][]; handlers: ActionHandlers } {
  const calls: [string, string | null][] = [];
  const handlers: ActionHandlers = {};
  for (const action of SHELL_ACTIONS) handlers[action] = (path) => calls.push([action, path]);
  return { calls, handlers };
}

describe("find and replace keys", () => {
  it("Ctrl+F finds, Ctrl+H replaces, Ctrl+Shift+F stays focus mode", () => {
    expect(actionForKey(press("f", { ctrl: true }))).toBe("find");
    expect(actionForKey(press("h", { ctrl: true }))).toBe("replace");
    expect(actionForKey(press("F", { ctrl: true, shift: true }))).toBe("focus-mode");
    expect(actionForKey(press("f"))).toBeNull();
  });
});

describe("dispatch", () => {
  it("runs the handler named by a menu action", () => {
    const { calls, handlers } = recorder();
    expect(dispatch(handlers, { action: "focus-mode", path: null })).toBe(true);
    expect(calls).toEqual([["focus-mode", null]]);
  });

  it("passes open-recent its folder", () => {
    const { calls, handlers } = recorder();
    expect(dispatch(handlers, { action: "open-recent", path: "/work/digest" })).toBe(true);
    expect(calls).toEqual([["open-recent", "/work/digest"]]);
  });

  it("ignores open-recent without a folder, unknown actions and actions without a handler", () => {
    const { calls, handlers } = recorder();
    expect(dispatch(handlers, { action: "open-recent", path: null })).toBe(false);
    expect(dispatch(handlers, { action: "format-disk", path: null })).toBe(false);
    expect(dispatch({}, { action: "save", path: null })).toBe(false);
    expect(calls).toEqual([]);
  });

  it("makes a shortcut and its menu item run the same handler", () => {
    const { calls, handlers } = recorder();
    const fromKey = actionForKey(press("F", { ctrl: true, shift: true }));
    expect(fromKey).toBe("focus-mode");
    dispatch(handlers, { action: fromKey ?? "", path: null });
    dispatch(handlers, { action: "focus-mode", path: null });
    expect(calls).toEqual([
      ["focus-mode", null],
      ["focus-mode", null],
    ]);
  });
});

describe("actionForKey", () => {
  it("maps the menu's accelerators", () => {
    expect(actionForKey(press("s", { ctrl: true }))).toBe("save");
    expect(actionForKey(press("s", { meta: true }))).toBe("save");
    expect(actionForKey(press("o", { ctrl: true }))).toBe("open-workspace");
    expect(actionForKey(press("P", { ctrl: true, shift: true }))).toBe("toggle-preview");
    expect(actionForKey(press("S", { ctrl: true, shift: true }))).toBe("sync");
    expect(actionForKey(press("S", { meta: true, shift: true }))).toBe("sync");
  });

  it("leaves plain typing and other combinations alone", () => {
    expect(actionForKey(press("s"))).toBeNull();
    expect(actionForKey(press("j", { ctrl: true }))).toBeNull();
    expect(actionForKey(press("s", { ctrl: true, alt: true }))).toBeNull();
  });

  it("knows exactly the actions the Rust menu sends", () => {
    expect(SHELL_ACTIONS.every(isShellAction)).toBe(true);
    expect(["undo", "redo", "quit"].every(isShellAction)).toBe(true);
    expect(isShellAction("about")).toBe(false);
  });
});
