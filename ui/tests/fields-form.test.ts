// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { DraftView, ErrorDto, FrontFields } from "../src/ipc/bindings";

vi.mock("../src/ipc", () => ({ asErrorDto: (reason: unknown) => reason }));

const { default: FieldsForm } = await import("../src/lib/editor/FieldsForm.svelte");
const { UNDO_EVENT } = await import("../src/lib/editor/undo");

const VIEW: DraftView = {
  path: "a.be.md", id: "a", lang: "be", title: "Рэформа", trend: null, authors: [], lead: "Лід", section: null,
  issue: "2020-W20", tags: [], translationOf: null, body: "", text: "", hash: "h",
};

function form(refused: { field: string; error: ErrorDto } | null = null) {
  const target = document.createElement("div");
  document.body.append(target);
  const onfields = vi.fn<(fields: FrontFields) => void>();
  const ondirty = vi.fn();
  const component = mount(FieldsForm, { target, props: { view: VIEW, sections: [], onfields, ondirty, refused } });
  flushSync();
  const input = (selector: string) => target.querySelector(selector) as HTMLInputElement;
  return { target, onfields, ondirty, component, input };
}

function type(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
}

function ctrl(field: HTMLElement, key: string, shiftKey = false): void {
  field.dispatchEvent(new KeyboardEvent("keydown", { key, ctrlKey: true, shiftKey, bubbles: true, cancelable: true }));
  flushSync();
}

const mounted: ReturnType<typeof mount>[] = [];
afterEach(() => {
  mounted.splice(0).forEach((c) => void unmount(c));
  document.body.innerHTML = "";
});

describe("FieldsForm", () => {
  it("reports a key at once as an unsaved edit", () => {
    const f = form();
    mounted.push(f.component);
    type(f.input(".field-title"), "Рэформа арміі");
    expect(f.ondirty).toHaveBeenCalledTimes(1);
  });

  it("undoes and redoes typing with Ctrl+Z and Ctrl+Shift+Z, applying the form each time", () => {
    const f = form();
    mounted.push(f.component);
    const title = f.input(".field-title");
    type(title, "Рэформа арміі");

    ctrl(title, "z");
    expect(title.value).toBe("Рэформа");
    expect(f.onfields).toHaveBeenLastCalledWith(expect.objectContaining({ title: "Рэформа", issue: "2020-W20" }));

    ctrl(title, "Z", true);
    expect(title.value).toBe("Рэформа арміі");
    expect(f.onfields).toHaveBeenLastCalledWith(expect.objectContaining({ title: "Рэформа арміі" }));
  });

  it("undoes when Edit ▸ Undo reaches the focused field", () => {
    const f = form();
    mounted.push(f.component);
    const issue = f.input(".field-issue");
    type(issue, "2020-W99");
    issue.dispatchEvent(new CustomEvent(UNDO_EVENT, { bubbles: true, detail: "undo" }));
    flushSync();
    expect(issue.value).toBe("2020-W20");
  });

  it("marks a refused field with the core's reason and keeps its value", () => {
    const f = form({ field: "issue", error: { kind: "invalid", code: null, args: {}, message: "the issue week `2020-W99` is invalid: 2020 has weeks 01 to 53" } });
    mounted.push(f.component);
    const issue = f.input(".field-issue");
    expect(issue.getAttribute("aria-invalid")).toBe("true");
    const reason = f.target.querySelector(`#${issue.getAttribute("aria-describedby")}`);
    expect(reason?.textContent).toContain("2020 has weeks 01 to 53");
    expect(f.input(".field-title").getAttribute("aria-invalid")).toBe("false");
  });
});
