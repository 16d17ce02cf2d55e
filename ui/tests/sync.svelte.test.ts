// @vitest-environment happy-dom
// The Sync control's states in each UI language, what a sync does to the model (offline is a
// state, not an error; auto syncs skip an unshared workspace), and the pause before an auto sync.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { SyncOutcome, SyncStatus } from "../src/ipc/bindings";

const ipc = vi.hoisted(() => ({
  syncNow: vi.fn(),
  syncState: vi.fn(),
  syncConflicts: vi.fn(),
  shareWorkspace: vi.fn(),
}));
vi.mock("../src/ipc", () => ({ ...ipc, asErrorDto: (reason: unknown) => reason }));

const { default: SyncControl } = await import("../src/lib/sync/SyncControl.svelte");
const { SyncModel } = await import("../src/lib/sync/sync.svelte");
const { glance } = await import("../src/lib/sync/glance");
const { PauseTimer } = await import("../src/lib/sync/auto");
const { setUiLanguage } = await import("../src/i18n");

const status = (extra: Partial<SyncStatus> = {}): SyncStatus => ({
  shared: true,
  toSend: 0,
  toReceive: 0,
  conflicts: 0,
  lastSynced: null,
  ...extra,
});
const outcome = (extra: Partial<SyncOutcome> = {}): SyncOutcome => ({
  committed: 0,
  received: 0,
  offline: false,
  conflicts: [],
  status: status(),
  ...extra,
});

describe("glance", () => {
  const facts = { status: status(), running: false, offline: false, error: null };
  it("puts what needs a person first, then offline, then the counts", () => {
    expect(glance({ ...facts, running: true }).kind).toBe("syncing");
    expect(glance({ ...facts, status: status({ conflicts: 1, toSend: 2 }) }).kind).toBe("attention");
    expect(glance({ ...facts, error: { kind: "sync", code: null, args: {}, message: "no remote" } }).kind).toBe("attention");
    expect(glance({ ...facts, offline: true, status: status({ toSend: 2 }) }).kind).toBe("offline");
    expect(glance({ ...facts, status: status({ toSend: 2, toReceive: 1 }) })).toEqual({ kind: "to-send", count: 2 });
    expect(glance({ ...facts, status: status({ toReceive: 3 }) })).toEqual({ kind: "to-receive", count: 3 });
    expect(glance({ ...facts, status: status({ shared: false }) }).kind).toBe("not-shared");
    expect(glance(facts).kind).toBe("in-sync");
  });
});

describe("the Sync control", () => {
  let target: HTMLElement;
  let mounted: Record<string, unknown> | null = null;

  beforeEach(() => {
    target = document.createElement("div");
    document.body.append(target);
    for (const fn of Object.values(ipc)) fn.mockReset();
    ipc.syncConflicts.mockResolvedValue([]);
  });
  afterEach(() => {
    if (mounted) unmount(mounted);
    mounted = null;
    target.remove();
    setUiLanguage("en");
  });

  function show(model: InstanceType<typeof SyncModel>, onsync = vi.fn(), onsetup = vi.fn()) {
    mounted = mount(SyncControl, {
      target,
      props: { model, onsync, onsetup, onopenshared: vi.fn(), onopenconflict: vi.fn() },
    });
    flushSync();
    const button = target.querySelector<HTMLButtonElement>(".sync-now")!;
    return { button, word: () => target.querySelector(".sync-state")?.textContent, onsync, onsetup };
  }

  const WORDS = {
    en: { inSync: "In sync", toSend: "2 to send", toReceive: "3 to receive", offline: "Offline", attention: "Needs attention" },
    ru: { inSync: "Синхронизировано", toSend: "К отправке: 2", toReceive: "К получению: 3", offline: "Нет связи", attention: "Требует внимания" },
    be: { inSync: "Сінхранізавана", toSend: "Да адпраўкі: 2", toReceive: "Да атрымання: 3", offline: "Няма сувязі", attention: "Патрабуе ўвагі" },
  } as const;

  it.each(Object.entries(WORDS))("says each state in a word (%s)", (lang, words) => {
    setUiLanguage(lang as "en" | "ru" | "be");
    const model = new SyncModel();
    const { word, button } = show(model);

    model.status = status();
    flushSync();
    expect(word()).toBe(words.inSync);
    expect(target.querySelector(".sync-control")?.getAttribute("data-state")).toBe("in-sync");
    model.status = status({ toSend: 2 });
    flushSync();
    expect(word()).toBe(words.toSend);
    expect(button.getAttribute("aria-label")).toContain(words.toSend);
    model.status = status({ toReceive: 3 });
    flushSync();
    expect(word()).toBe(words.toReceive);
    model.offline = true;
    flushSync();
    expect(word()).toBe(words.offline);
    model.offline = false;
    model.status = status({ conflicts: 1 });
    flushSync();
    expect(word()).toBe(words.attention);
  });

  it("is disabled while a sync runs, then shows the time and the new state", async () => {
    let finish: (o: SyncOutcome) => void = () => {};
    ipc.syncNow.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const synced = vi.fn();
    const model = new SyncModel(synced);
    model.status = status({ toSend: 1 });
    const { button, word } = show(model);

    const running = model.run();
    flushSync();
    expect(button.disabled).toBe(true);
    expect(word()).toBe("Syncing…");
    const at = new Date().toISOString();
    finish(outcome({ committed: 1, status: status({ lastSynced: at }) }));
    await running;
    flushSync();

    expect(button.disabled).toBe(false);
    expect(word()).toBe("In sync");
    const shown = new Intl.DateTimeFormat("en", { timeStyle: "short" }).format(new Date(at));
    expect(target.querySelector(".sync-time")?.textContent).toBe(shown);
    expect(synced).toHaveBeenCalledOnce();
  });

  it("shows the last sync of an earlier session, as the core remembers it", async () => {
    const at = "2020-05-11T09:30:00Z";
    ipc.syncState.mockResolvedValue(status({ lastSynced: at }));
    const model = new SyncModel();
    show(model);

    await model.refresh();
    flushSync();

    expect(model.lastAt?.toISOString()).toBe(new Date(at).toISOString());
    // Not today: the date is shown too.
    const shown = new Intl.DateTimeFormat("en", { dateStyle: "short", timeStyle: "short" }).format(new Date(at));
    expect(target.querySelector(".sync-time")?.textContent).toBe(shown);
  });

  it("an offline sync shows Offline and no error", async () => {
    ipc.syncNow.mockResolvedValue(outcome({ offline: true, status: status({ toSend: 2 }) }));
    const model = new SyncModel();
    const { word } = show(model);

    await model.run(true);
    flushSync();

    expect(word()).toBe("Offline");
    expect(model.error).toBeNull();
    expect(model.lastAt).toBeNull();
    expect(target.querySelector(".sync-error")).toBeNull();
  });

  it("a failed sync opens the panel with the core's sentence", async () => {
    ipc.syncNow.mockRejectedValue({ kind: "sync", code: null, args: {}, message: "the shared repository refused the credentials." });
    const model = new SyncModel();
    model.status = status();
    const { word } = show(model);

    await model.run();
    flushSync();

    expect(word()).toBe("Needs attention");
    expect(target.querySelector(".sync-error .error-message")?.textContent).toBe("the shared repository refused the credentials.");
  });

  it("offers to set sharing up when the workspace is not shared, and auto syncs skip it", async () => {
    const model = new SyncModel();
    model.status = status({ shared: false });
    const { button, word, onsetup, onsync } = show(model);

    expect(word()).toBe("Not shared");
    button.click();
    await model.run(true);

    expect(onsetup).toHaveBeenCalledOnce();
    expect(onsync).not.toHaveBeenCalled();
    expect(ipc.syncNow).not.toHaveBeenCalled();
  });
});

describe("the pause before an automatic sync", () => {
  it("runs once, a while after the last of several saves", () => {
    vi.useFakeTimers();
    try {
      const run = vi.fn();
      const timer = new PauseTimer(run, 60_000);
      timer.saved();
      vi.advanceTimersByTime(40_000);
      timer.saved();
      vi.advanceTimersByTime(40_000);
      expect(run).not.toHaveBeenCalled();
      vi.advanceTimersByTime(20_000);
      expect(run).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
