import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Commentary, SearchHitView } from "../src/ipc/bindings";

// The IPC module swapped for a fake: each test says what the core answers.
const ipc = vi.hoisted(() => ({ searchDrafts: vi.fn() }));
vi.mock("../src/ipc", () => ({ ...ipc, asErrorDto: (reason: unknown) => reason }));

const { SearchBox, SEARCH_DEBOUNCE_MS, SEARCH_LIMIT, noFilters, searchRequest } = await import(
  "../src/lib/search/search.svelte"
);
const { matchesTitle } = await import("../src/lib/search/filter");

function hit(path: string, lang = "en"): SearchHitView {
  return {
    path, id: path.split(".")[0] ?? path, lang,
    title: [{ text: "Rouble", matched: true }, { text: " holds", matched: false }],
    snippet: [{ text: "the rouble", matched: false }],
    issue: "2020-W21", section: "economy", authors: ["Pavel Lysenka"], trend: null, status: null,
  };
}

describe("searchRequest", () => {
  it("sends empty controls as null (any value) and trims what was typed", () => {
    const filters = { ...noFilters(), lang: "ru", author: "  Lysenka ", status: " " };
    expect(searchRequest("  рубель ", filters)).toEqual({
      query: "рубель", lang: "ru", issue: null, section: null, author: "Lysenka", trend: null, status: null,
      limit: SEARCH_LIMIT,
    });
  });
});

describe("SearchBox", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    ipc.searchDrafts.mockReset().mockResolvedValue([hit("a.en.md"), hit("b.ru.md", "ru"), hit("c.be.md", "be")]);
  });
  afterEach(() => vi.useRealTimers());

  it("searches once typing pauses, with the filters", async () => {
    const search = new SearchBox();
    search.filters.lang = "en";
    search.query = "rou";
    search.changed();
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 10);
    search.query = "rouble";
    search.changed();
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 10);
    expect(ipc.searchDrafts).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(10);

    expect(ipc.searchDrafts).toHaveBeenCalledTimes(1);
    expect(ipc.searchDrafts.mock.calls[0]?.[0]).toMatchObject({ query: "rouble", lang: "en", issue: null });
    expect(search.hits.map((h) => h.path)).toEqual(["a.en.md", "b.ru.md", "c.be.md"]);
    expect(search.activeHit?.path).toBe("a.en.md");
    expect(search.filterCount).toBe(1);
  });

  it("moves the active hit with wrap-around, for Enter to open", async () => {
    const search = new SearchBox();
    search.query = "rouble";
    await search.run();

    search.move(-1);
    expect(search.activeHit?.path).toBe("c.be.md");
    search.move(1);
    search.move(1);
    expect(search.activeHit?.lang).toBe("ru");
  });

  it("clears the query and hits on Esc but keeps the filters", async () => {
    const search = new SearchBox();
    search.filters.trend = "improved";
    search.query = "rouble";
    await search.run();

    search.clear();

    expect(search.query).toBe("");
    expect(search.hits).toEqual([]);
    expect(search.activeHit).toBeNull();
    expect(search.filters.trend).toBe("improved");
  });

  it("shows the core's refusal instead of hits", async () => {
    ipc.searchDrafts.mockRejectedValueOnce({ kind: "invalid", code: null, args: {}, message: "the search `-x` is invalid: it has no word" });
    const search = new SearchBox();
    search.query = "-x";

    await search.run();

    expect(search.hits).toEqual([]);
    expect(search.error?.kind).toBe("invalid");
    expect(search.answered).toBe(true);
  });

  it("does not ask the core about an empty query", async () => {
    const search = new SearchBox();
    search.query = "   ";
    await search.run();
    expect(ipc.searchDrafts).not.toHaveBeenCalled();
    expect(search.answered).toBe(false);
  });

  it("drops an answer that arrives after the box was cleared", async () => {
    let finish: (hits: SearchHitView[]) => void = () => {};
    ipc.searchDrafts.mockImplementationOnce(() => new Promise<SearchHitView[]>((resolve) => (finish = resolve)));
    const search = new SearchBox();
    search.query = "rouble";
    const pending = search.run();

    search.clear();
    finish([hit("late.en.md")]);
    await pending;

    expect(search.hits).toEqual([]);
  });
});

describe("the sidebar's title filter", () => {
  const commentary = {
    id: "a", title: "Нацбанк зніжае стаўку", sourceLang: "be", issue: null, section: null, trend: null, editorial: "draft", editorialBy: null, editorialAt: null, editorialConcurrent: null, inConflict: false, states: [],
    versions: [
      { lang: "be", path: "a.be.md", title: "Нацбанк зніжае стаўку", words: 1, inConflict: false },
      { lang: "en", path: "a.en.md", title: "Central bank cuts its key rate", words: 1, inConflict: false },
    ],
  } satisfies Commentary;

  it("matches any language's title, ignoring case", () => {
    expect(matchesTitle(commentary, "KEY rate")).toBe(true);
    expect(matchesTitle(commentary, "нацБАНК")).toBe(true);
    expect(matchesTitle(commentary, "")).toBe(true);
    expect(matchesTitle(commentary, "reserve")).toBe(false);
  });
});
