// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, tick, unmount } from "svelte";
import type { DiffView, VersionInfo } from "../src/ipc/bindings";

const ipc = vi.hoisted(() => ({
  listVersions: vi.fn(),
  diffVersions: vi.fn(),
  labelVersion: vi.fn(),
  restoreVersion: vi.fn(),
}));
vi.mock("../src/ipc", () => ({ ...ipc, asErrorDto: (reason: unknown) => reason }));

const { default: HistoryPanel } = await import("../src/lib/history/HistoryPanel.svelte");

function v(id: number, at: string, origin: VersionInfo["origin"] = "save"): VersionInfo {
  return { id, author: "Alena", at, label: null, labelBy: null, labelAt: null, labelConcurrent: null, origin, restoredFrom: null, hash: `h${id}` };
}
const VERSIONS = [v(4, "2020-05-14T10:04:00Z"), v(3, "2020-05-14T10:02:00Z"), v(2, "2020-05-14T10:00:00Z"), v(1, "2020-05-10T09:00:00Z", "found")];
const DIFF: DiffView = {
  fields: [{ key: "lead", old: "Old lead.", new: "New lead.", spans: [{ kind: "delete", old: "Old", new: "" }, { kind: "insert", old: "", new: "New" }, { kind: "equal", old: " lead.", new: " lead." }] }],
  hunks: [], wordsAdded: 0, wordsRemoved: 0, paragraphsChanged: 0, summary: "", coarse: false,
};

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
    await tick();
  }
  flushSync();
}

const mounted: ReturnType<typeof mount>[] = [];
afterEach(() => {
  mounted.splice(0).forEach((c) => void unmount(c));
  document.body.innerHTML = "";
});

async function panel() {
  ipc.listVersions.mockReset().mockResolvedValue(VERSIONS);
  ipc.diffVersions.mockReset().mockResolvedValue(DIFF);
  const target = document.createElement("div");
  document.body.append(target);
  const draft = { path: "a.en.md", versions: 0, save: vi.fn(), load: vi.fn() };
  mounted.push(mount(HistoryPanel, { target, props: { draft: draft as never, request: null } }));
  await settle();
  return target;
}

describe("HistoryPanel", () => {
  it("shows a session of saves as one row that opens, and the found file on its own", async () => {
    const target = await panel();
    expect(target.querySelectorAll(".session")).toHaveLength(1);
    expect(target.querySelector(".session-toggle")?.textContent).toContain("3 saves");
    expect(target.querySelector(".origin-mark")?.textContent).toBe("existing file");

    (target.querySelector(".session-toggle") as HTMLButtonElement).click();
    flushSync();
    expect(target.querySelectorAll(".session .version")).toHaveLength(3);
  });

  it("draws front matter changes as named fields with their words marked", async () => {
    const target = await panel();
    (target.querySelector(".session-pick") as HTMLButtonElement).click();
    (target.querySelector('[data-version="1"] .version-pick') as HTMLButtonElement).click();
    await settle();

    expect(ipc.diffVersions).toHaveBeenCalledWith(1, 4);
    const field = target.querySelector('.field-change[data-field="lead"]');
    expect(field?.textContent).toContain("Lead:");
    expect(field?.querySelector("ins")?.textContent).toBe("New");
    expect(field?.querySelector("del")?.textContent).toBe("Old");
  });

  it("previews what a restore brings back before it is confirmed", async () => {
    const target = await panel();
    (target.querySelector('[data-version="1"] .version-restore') as HTMLButtonElement).click();
    await settle();

    expect(ipc.diffVersions).toHaveBeenCalledWith(4, 1);
    const preview = target.querySelector(".restore-preview .field-change");
    expect(preview?.textContent).toContain("Lead:");
    expect(preview?.querySelector("ins")?.textContent).toBe("New");
    expect(ipc.restoreVersion).not.toHaveBeenCalled();
  });
});
