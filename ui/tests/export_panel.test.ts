// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { ExportResult } from "../src/ipc/bindings";

// The IPC module swapped for a fake: the export answers with a bundle that left formats out.
const ipc = vi.hoisted(() => ({
  exportTarget: vi.fn(),
  chooseExportTarget: vi.fn(),
  exportIssue: vi.fn(),
  showExportFolder: vi.fn(),
  onExportProgress: vi.fn(),
}));
vi.mock("../src/ipc", () => ({ ...ipc, asErrorDto: (reason: unknown) => reason }));

const { IssueExport } = await import("../src/lib/board/state.svelte");
const { default: ExportPanel } = await import("../src/lib/board/ExportPanel.svelte");
const { setUiLanguage } = await import("../src/i18n");

const RESULT: ExportResult = {
  path: "/ws/exports/2020-W21.zip",
  zip: true,
  published: ["be", "ru", "en"],
  skipped: [],
  files: ["be/index.html", "manifest.json"],
  manifestSha256: "ab",
  notMade: [
    { format: "feeds", missing: ["base_url"] },
    { format: "email", missing: ["publisher", "base_url"] },
  ],
};

describe("the export panel", () => {
  const mounted: Record<string, unknown>[] = [];
  afterEach(() => {
    mounted.splice(0).forEach((c) => void unmount(c));
    setUiLanguage("en");
  });

  it("names each format the export did not make and the settings it needs, in the UI language", async () => {
    ipc.onExportProgress.mockResolvedValue(() => {});
    ipc.exportIssue.mockResolvedValue(RESULT);
    const exporter = new IssueExport("2020-W21");
    await exporter.run();
    const target = document.createElement("div");
    document.body.append(target);
    mounted.push(mount(ExportPanel, { target, props: { exporter } }));
    flushSync();

    const notes = [...target.querySelectorAll(".export-not-made")].map((p) => p.textContent);
    expect(notes).toEqual([
      "Feeds were not made: set base_url in Settings ▸ Publication.",
      "The newsletter was not made: set publisher, base_url in Settings ▸ Publication.",
    ]);

    setUiLanguage("ru");
    flushSync();
    expect(target.querySelector(".export-not-made")?.textContent).toBe(
      "Ленты не созданы: задайте base_url в Настройках ▸ Публикация.",
    );
    target.remove();
  });
});
