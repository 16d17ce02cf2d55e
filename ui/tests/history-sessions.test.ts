import { describe, expect, it } from "vitest";
import type { VersionInfo } from "../src/ipc/bindings";
import { groupSessions, SESSION_GAP_MS } from "../src/lib/history/sessions";
import { clampWidth, rememberWidth, storedWidth } from "../src/lib/shell/panes";

let next = 100;
function v(at: string, more: Partial<VersionInfo> = {}): VersionInfo {
  return {
    id: next--, author: "Alena", at, label: null, labelBy: null, labelAt: null, labelConcurrent: null,
    origin: "save", restoredFrom: null, hash: `h${next}`, ...more,
  };
}
const ids = (sessions: ReturnType<typeof groupSessions>) => sessions.map((s) => s.versions.map((x) => x.at.slice(11, 16)));

describe("groupSessions", () => {
  it("collapses autosaves a few minutes apart into one session, newest first", () => {
    const versions = [v("2020-05-14T10:09:00Z"), v("2020-05-14T10:06:00Z"), v("2020-05-14T10:02:00Z"), v("2020-05-14T09:00:00Z")];
    const sessions = groupSessions(versions);
    expect(ids(sessions)).toEqual([["10:09", "10:06", "10:02"], ["09:00"]]);
    expect(sessions.every((s) => !s.alone)).toBe(true);
  });

  it("measures the gap between neighbours, not from the session's start", () => {
    const step = SESSION_GAP_MS / 60000 - 1; // minutes, just inside the gap
    const at = (minutes: number) => new Date(Date.UTC(2020, 4, 14, 10, 0) + minutes * 60000).toISOString().replace(".000", "");
    const versions = [v(at(3 * step)), v(at(2 * step)), v(at(step)), v(at(0))];
    expect(groupSessions(versions)).toHaveLength(1);
  });

  it("keeps labelled, conflict, outside, found and restored versions alone", () => {
    const versions = [
      v("2020-05-14T10:05:00Z"),
      v("2020-05-14T10:04:00Z", { label: "sent to editor" }),
      v("2020-05-14T10:03:00Z"),
      v("2020-05-14T10:02:30Z", { origin: "conflict" }),
      v("2020-05-14T10:02:00Z", { origin: "external" }),
      v("2020-05-14T10:01:30Z", { origin: "restore", restoredFrom: 3 }),
      v("2020-05-14T10:01:00Z"),
      v("2020-05-14T10:00:30Z"),
      v("2020-05-14T10:00:00Z", { origin: "found" }),
    ];
    const sessions = groupSessions(versions);
    expect(sessions.map((s) => [s.versions.length, s.alone])).toEqual([
      [1, false], [1, true], [1, false], [1, true], [1, true], [1, true], [2, false], [1, true],
    ]);
  });

  it("does not merge another person's synced saves into this person's session", () => {
    const versions = [v("2020-05-14T10:03:00Z"), v("2020-05-14T10:02:00Z", { author: "Ivan" }), v("2020-05-14T10:01:00Z", { author: "Ivan" }), v("2020-05-14T10:00:00Z")];
    expect(groupSessions(versions).map((s) => s.versions.map((x) => x.author))).toEqual([["Alena"], ["Ivan", "Ivan"], ["Alena"]]);
  });

  it("keeps every synced save alone when it knows whom this installation signs as", () => {
    const versions = [v("2020-05-14T10:03:00Z"), v("2020-05-14T10:02:00Z", { author: "Ivan" }), v("2020-05-14T10:01:00Z", { author: "Ivan" }), v("2020-05-14T10:00:30Z"), v("2020-05-14T10:00:00Z")];
    const sessions = groupSessions(versions, "Alena");
    expect(sessions.map((s) => [s.versions.length, s.alone])).toEqual([[1, false], [1, true], [1, true], [2, false]]);
  });

  it("gives nothing for no versions", () => {
    expect(groupSessions([])).toEqual([]);
  });
});

describe("pane widths", () => {
  it("keeps a pane between its minimum and what leaves the page room", () => {
    expect(clampWidth(50, 1200, 260)).toBe(200);
    expect(clampWidth(900, 1200, 260)).toBe(1200 - 260 - 420);
    expect(clampWidth(400.4, 1440, 260)).toBe(400);
  });

  it("remembers a width and falls back to the default for nonsense", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, value: string) => void store.set(k, value) };
    expect(storedWidth("inspector", storage, 1440)).toBe(340);
    rememberWidth("inspector", 512, storage);
    expect(storedWidth("inspector", storage, 1440)).toBe(512);
    store.set("galley.paneWidth.library", "abc");
    expect(storedWidth("library", storage, 1440)).toBe(260);
  });

  it("starts narrower in a small window, until the person drags a width", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, value: string) => void store.set(k, value) };
    expect([storedWidth("library", storage, 1024), storedWidth("inspector", storage, 1024)]).toEqual([230, 280]);
    expect([storedWidth("library", storage, 1200), storedWidth("inspector", storage, 1200)]).toEqual([260, 340]);
    rememberWidth("inspector", 360, storage);
    expect(storedWidth("inspector", storage, 1024)).toBe(360);
  });
});
