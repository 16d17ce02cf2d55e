import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PreviewView } from "../src/ipc/bindings";

// The IPC module swapped for a fake: each test says what the core answers.
const ipc = vi.hoisted(() => ({ renderPreview: vi.fn() }));
vi.mock("../src/ipc", () => ({ ...ipc, asErrorDto: (reason: unknown) => reason }));

const { LivePreview, PREVIEW_DEBOUNCE_MS, previewWasOpen, rememberPreviewOpen } = await import(
  "../src/lib/preview/preview.svelte"
);

const rendered = (title: string): PreviewView => ({ title, lead: "", trend: null, authors: [], html: `<p>${title}</p>` });

describe("LivePreview", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    ipc.renderPreview.mockReset().mockImplementation(async (_path: string, text: string) => rendered(text));
  });
  afterEach(() => vi.useRealTimers());

  it("renders once typing pauses, with the newest text only", async () => {
    const preview = new LivePreview();
    preview.request("a.en.md", "one");
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS - 10);
    preview.request("a.en.md", "two");
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS - 10);
    expect(ipc.renderPreview).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(10);

    expect(ipc.renderPreview).toHaveBeenCalledTimes(1);
    expect(ipc.renderPreview).toHaveBeenCalledWith("a.en.md", "two");
    expect(preview.view?.title).toBe("two");
  });

  it("never lets a slow older answer replace a newer one", async () => {
    let finishOld: (view: PreviewView) => void = () => {};
    ipc.renderPreview
      .mockImplementationOnce(() => new Promise<PreviewView>((resolve) => (finishOld = resolve)))
      .mockImplementationOnce(async () => rendered("new"));
    const preview = new LivePreview();

    const old = preview.render("a.en.md", "old");
    await preview.render("a.en.md", "new");
    finishOld(rendered("old"));
    await old;

    expect(preview.view?.title).toBe("new");
  });

  it("keeps the last good preview and shows the core's error for unreadable text", async () => {
    const preview = new LivePreview();
    await preview.render("a.en.md", "good");
    ipc.renderPreview.mockRejectedValueOnce({ kind: "invalid_draft", code: null, args: {}, message: "a.en.md, line 2: …" });

    await preview.render("a.en.md", "---\nid: [\n");

    expect(preview.view?.title).toBe("good");
    expect(preview.error?.kind).toBe("invalid_draft");
  });

  it("does not render after it is disposed", async () => {
    const preview = new LivePreview();
    preview.request("a.en.md", "late");
    preview.dispose();
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS * 2);
    expect(ipc.renderPreview).not.toHaveBeenCalled();
  });
});

describe("the preview pane's remembered state", () => {
  it("is remembered through storage", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(previewWasOpen(storage)).toBe(false);
    rememberPreviewOpen(true, storage);
    expect(previewWasOpen(storage)).toBe(true);
    rememberPreviewOpen(false, storage);
    expect(previewWasOpen(storage)).toBe(false);
  });

  it("starts closed when storage is unavailable", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    expect(() => rememberPreviewOpen(true, broken)).not.toThrow();
    expect(previewWasOpen(broken)).toBe(false);
    expect(previewWasOpen(undefined)).toBe(false);
  });
});
