// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { ProfileView, WorkspaceSettings } from "../src/ipc/bindings";

// The IPC module swapped for a fake: each test says what the core answers.
const ipc = vi.hoisted(() => ({
  getProfile: vi.fn(),
  setProfile: vi.fn(),
  getWorkspaceSettings: vi.fn(),
  updateWorkspaceSettings: vi.fn(),
}));
vi.mock("../src/ipc", () => ({ ...ipc, asErrorDto: (reason: unknown) => reason }));

const { default: SettingsView } = await import("../src/lib/settings/SettingsView.svelte");
const { default: ErrorNotice } = await import("../src/lib/ErrorNotice.svelte");
const { ProfileState } = await import("../src/lib/settings/profile.svelte");
const { setUiLanguage } = await import("../src/i18n");
const { copyOf, moved, withLanguage, withNewsletterTitle, withPublicationText, withSection, withTitle, withTrendSentence } =
  await import("../src/lib/settings/edit");

const PROFILE: ProfileView = {
  name: "Ala",
  role: "author",
  uiLanguage: "en",
  suggestedName: "ala",
  signsAs: "Ala",
  autoSync: { onOpen: true, afterPause: true, beforeExport: true },
};
const WORKSPACE: WorkspaceSettings = {
  languages: ["be", "ru", "en"],
  sections: [{ key: "economy", titles: { en: "Economy", be: "Эканоміка" } }],
  publication: { publisher: "", baseUrl: "", copyright: "", newsletterTitles: {}, trendSentences: {} },
};

/** Lets the fake IPC's promises settle, then applies Svelte's updates. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  flushSync();
}

describe("the language switch", () => {
  let target: HTMLElement;
  const mounted: Record<string, unknown>[] = [];

  beforeEach(() => {
    target = document.createElement("div");
    document.body.append(target);
    ipc.getProfile.mockReset().mockResolvedValue(PROFILE);
    ipc.setProfile.mockReset().mockImplementation(async (input) => ({ ...PROFILE, ...input }));
    ipc.getWorkspaceSettings.mockReset().mockResolvedValue(WORKSPACE);
    ipc.updateWorkspaceSettings.mockReset();
  });
  afterEach(() => {
    mounted.splice(0).forEach((c) => void unmount(c));
    target.remove();
    setUiLanguage("en");
  });

  it("re-renders a mounted component in Russian at once", () => {
    mounted.push(mount(ErrorNotice, { target, props: { heading: "x", error: { kind: "io", code: null, args: {}, message: "m" } } }));
    expect(target.textContent).toContain("A file could not be read or written.");

    setUiLanguage("ru");
    flushSync();

    expect(target.textContent).toContain("Не удалось прочитать или записать файл.");
  });

  it("in Settings switches the whole view and remembers the choice in the profile", async () => {
    const profile = new ProfileState();
    await profile.load();
    mounted.push(mount(SettingsView, { target, props: { profile, onclose: () => {}, onworkspacesaved: () => {} } }));
    await settle();
    expect(target.querySelector("h1")?.textContent).toBe("Settings");

    const select = target.querySelector<HTMLSelectElement>("select.profile-language");
    if (!select) throw new Error("no language select");
    select.value = "be";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();

    expect(target.querySelector("h1")?.textContent).toBe("Налады");
    expect(document.documentElement.lang).toBe("be");
    expect(ipc.setProfile).toHaveBeenCalledWith({ name: "Ala", role: "author", uiLanguage: "be", autoSync: PROFILE.autoSync });
  });

  it("shows the core's refusal inline when the workspace settings are not saved", async () => {
    ipc.updateWorkspaceSettings.mockRejectedValue({
      kind: "invalid",
      message: "removing the language `ru` is invalid: 9 drafts still use it",
    });
    const profile = new ProfileState();
    await profile.load();
    mounted.push(mount(SettingsView, { target, props: { profile, onclose: () => {}, onworkspacesaved: () => {} } }));
    await settle();

    target.querySelector<HTMLButtonElement>("button[aria-label='Remove ru']")?.click();
    flushSync();
    target.querySelector<HTMLFormElement>("form.workspace-form")?.requestSubmit();
    await settle();

    expect(ipc.updateWorkspaceSettings).toHaveBeenCalledWith({ ...WORKSPACE, languages: ["be", "en"] });
    const alert = target.querySelector(".workspace-form [role=alert]");
    expect(alert?.textContent).toContain("9 drafts still use it");
  });
});

describe("the publication settings", () => {
  let target: HTMLElement;
  const mounted: Record<string, unknown>[] = [];

  beforeEach(() => {
    target = document.createElement("div");
    document.body.append(target);
    ipc.getProfile.mockReset().mockResolvedValue(PROFILE);
    ipc.getWorkspaceSettings.mockReset().mockResolvedValue(WORKSPACE);
    ipc.updateWorkspaceSettings.mockReset().mockImplementation(async (settings) => ({ changed: true, settings }));
  });
  afterEach(() => {
    mounted.splice(0).forEach((c) => void unmount(c));
    target.remove();
  });

  function type(selector: string, value: string): void {
    const input = target.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
  }

  it("sends the publisher, the site address and a language's trend sentence with the workspace", async () => {
    const profile = new ProfileState();
    await profile.load();
    mounted.push(mount(SettingsView, { target, props: { profile, onclose: () => {}, onworkspacesaved: () => {} } }));
    await settle();

    type("input.publication-publisher", "Minsk Policy Review");
    type("input.publication-baseUrl", "https://digest.example.org/");
    type("input.trend-unchanged-en", "The situation has not changed");
    type("input.newsletter-title-ru", "Еженедельный обзор");
    target.querySelector<HTMLFormElement>("form.workspace-form")?.requestSubmit();
    await settle();

    expect(ipc.updateWorkspaceSettings).toHaveBeenCalledWith({
      ...WORKSPACE,
      publication: {
        publisher: "Minsk Policy Review",
        baseUrl: "https://digest.example.org/",
        copyright: "",
        newsletterTitles: { ru: "Еженедельный обзор" },
        trendSentences: { en: { improved: "", unchanged: "The situation has not changed", deteriorated: "" } },
      },
    });
  });

  it("offers a newsletter title and three trend sentences per workspace language", async () => {
    const profile = new ProfileState();
    await profile.load();
    mounted.push(mount(SettingsView, { target, props: { profile, onclose: () => {}, onworkspacesaved: () => {} } }));
    await settle();
    for (const lang of WORKSPACE.languages) {
      expect(target.querySelector(`input.newsletter-title-${lang}`)).not.toBeNull();
      for (const trend of ["improved", "unchanged", "deteriorated"]) {
        expect(target.querySelector(`input.trend-${trend}-${lang}`)).not.toBeNull();
      }
    }
  });
});

describe("settings form edits", () => {
  it("move an item within the list, not past its ends", () => {
    expect(moved(["be", "ru", "en"], 2, -1)).toEqual(["be", "en", "ru"]);
    expect(moved(["be", "ru", "en"], 0, -1)).toEqual(["be", "ru", "en"]);
  });
  it("add a language or section once, trimmed", () => {
    expect(withLanguage(WORKSPACE, " pl ").languages).toEqual(["be", "ru", "en", "pl"]);
    expect(withLanguage(WORKSPACE, "ru")).toBe(WORKSPACE);
    expect(withSection(WORKSPACE, "culture").sections.map((s) => s.key)).toEqual(["economy", "culture"]);
  });
  it("set one section's title in one language", () => {
    const next = withTitle(WORKSPACE, "economy", "ru", "Экономика");
    expect(next.sections[0]?.titles).toEqual({ en: "Economy", be: "Эканоміка", ru: "Экономика" });
    expect(WORKSPACE.sections[0]?.titles.ru).toBeUndefined();
  });
  it("set publication texts without touching what was loaded", () => {
    const loaded = copyOf(WORKSPACE);
    const next = withTrendSentence(withPublicationText(loaded, "publisher", "X"), "ru", "improved", "Ситуация улучшилась");
    expect(next.publication.publisher).toBe("X");
    expect(next.publication.trendSentences.ru).toEqual({ improved: "Ситуация улучшилась", unchanged: "", deteriorated: "" });
    expect(withNewsletterTitle(next, "be", "Агляд").publication.newsletterTitles).toEqual({ be: "Агляд" });
    expect(loaded.publication).toEqual(WORKSPACE.publication);
  });
});
