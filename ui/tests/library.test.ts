import { describe, expect, it } from "vitest";
import type { Commentary } from "../src/ipc/bindings";
import { groupByIssue, languageBadges, sectionTitle } from "../src/lib/library";

function commentary(id: string, issue: string | null, section: string | null, langs: string[]): Commentary {
  return {
    id,
    title: id,
    sourceLang: langs[0] ?? "be",
    issue,
    section,
    trend: null,
    editorial: "draft",
    editorialBy: null,
    editorialAt: null,
    editorialConcurrent: null,
    inConflict: false,
    versions: langs.map((lang) => ({ lang, path: `${id}.${lang}.md`, title: id, words: 1, inConflict: false })),
    states: [],
  };
}

describe("groupByIssue", () => {
  it("groups by issue then section keeping the given order", () => {
    const groups = groupByIssue([
      commentary("a", "2020-W21", "economy", ["be"]),
      commentary("b", "2020-W21", "politics", ["be"]),
      commentary("c", "2020-W21", "economy", ["be"]),
      commentary("d", "2020-W20", null, ["be"]),
    ]);
    expect(groups.map((g) => g.issue)).toEqual(["2020-W21", "2020-W20"]);
    expect(groups[0]?.sections.map((s) => [s.section, s.commentaries.map((c) => c.id)])).toEqual([
      ["economy", ["a", "c"]],
      ["politics", ["b"]],
    ]);
    expect(groups[1]?.sections[0]?.section).toBeNull();
  });
});

describe("languageBadges", () => {
  it("marks the workspace languages a commentary lacks as missing", () => {
    expect(languageBadges(commentary("a", null, null, ["ru", "be"]), ["be", "ru", "en"]).map((b) => b.state)).toEqual([
      "in-progress",
      "in-progress",
      "missing",
    ]);
  });

  it("takes each language's state from the core", () => {
    const c = commentary("a", null, null, ["be", "ru", "en"]);
    c.states = [
      { lang: "be", state: "source", setBy: null, setAt: null, concurrent: null },
      { lang: "ru", state: "outdated", setBy: "Hanna", setAt: "2020-05-12T14:03:00Z", concurrent: null },
      { lang: "en", state: "in-review", setBy: null, setAt: null, concurrent: null },
    ];
    expect(languageBadges(c, ["be", "ru", "en"])).toEqual([
      { lang: "be", state: "source" },
      { lang: "ru", state: "outdated" },
      { lang: "en", state: "in-review" },
    ]);
  });

  it("keeps languages outside the workspace list visible", () => {
    expect(languageBadges(commentary("a", null, null, ["de"]), ["be"]).map((b) => [b.lang, b.state])).toEqual([
      ["be", "missing"],
      ["de", "in-progress"],
    ]);
  });
});

describe("groupByIssue with the settings' section order", () => {
  it("orders sections as the settings list them, unlisted ones last", () => {
    const groups = groupByIssue(
      [
        commentary("a", "2020-W21", "economy", ["be"]),
        commentary("b", "2020-W21", "zoo", ["be"]),
        commentary("c", "2020-W21", "politics", ["be"]),
      ],
      ["politics", "economy"],
    );
    expect(groups[0]?.sections.map((s) => s.section)).toEqual(["politics", "economy", "zoo"]);
  });
});

describe("sectionTitle", () => {
  const sections = [{ key: "economy", titles: { en: "Economy", be: "Эканоміка" } }];
  it("uses the title in the asked language and falls back to the key", () => {
    expect(sectionTitle("economy", sections, "be")).toBe("Эканоміка");
    expect(sectionTitle("economy", sections, "ru")).toBe("economy");
    expect(sectionTitle("society", sections, "en")).toBe("society");
  });
});
