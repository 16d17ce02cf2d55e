import { describe, expect, it } from "vitest";
import type { Commentary } from "../src/ipc/bindings";
import {
  isoWeekOf,
  libraryWeeks,
  newCommentaryDefaults,
  newCommentaryRequest,
  newIssueDefault,
  weekAfter,
} from "../src/lib/actions/defaults";
import { menuItems, titleIn } from "../src/lib/actions/menu";

function commentary(id: string, issue: string | null, langs: string[]): Commentary {
  return {
    id,
    title: `${id} title`,
    sourceLang: langs[0] ?? "be",
    issue,
    section: "security",
    trend: null,
    editorial: "draft",
    editorialBy: null,
    editorialAt: null,
    editorialConcurrent: null,
    inConflict: false,
    versions: langs.map((lang) => ({ lang, path: `${id}.${lang}.md`, title: `${id} in ${lang}`, words: 1, inConflict: false })),
    states: [],
  };
}

const sections = [
  { key: "security", titles: { en: "Security" } },
  { key: "politics", titles: { en: "Politics" } },
];

describe("ISO weeks", () => {
  it("names the week a day falls in, the Thursday deciding the year", () => {
    expect(isoWeekOf(new Date(Date.UTC(2020, 4, 11)))).toBe("2020-W20");
    expect(isoWeekOf(new Date(Date.UTC(2020, 4, 17)))).toBe("2020-W20");
    expect(isoWeekOf(new Date(Date.UTC(2021, 0, 3)))).toBe("2020-W53");
    expect(isoWeekOf(new Date(Date.UTC(2019, 11, 30)))).toBe("2020-W01");
  });

  it("steps to the next week across a year's end, and refuses text that is no week", () => {
    expect(weekAfter("2020-W20")).toBe("2020-W21");
    expect(weekAfter("2020-W53")).toBe("2021-W01");
    expect(weekAfter("2021-W52")).toBe("2022-W01");
    expect(weekAfter("week 20")).toBeNull();
  });
});

describe("the New commentary form", () => {
  const library = [commentary("a", "2020-W20", ["be"]), commentary("b", "2020-W21", ["be"]), commentary("c", null, ["ru"])];
  const today = new Date(Date.UTC(2026, 11, 3));

  it("suggests the board's week, else the newest issue, else this week", () => {
    expect(newCommentaryDefaults(library, ["be", "ru"], sections, "2020-W20", today).week).toBe("2020-W20");
    const form = newCommentaryDefaults(library, ["be", "ru"], sections, null, today);
    expect(form).toEqual({ title: "", lang: "be", week: "2020-W21", section: "security" });
    expect(newCommentaryDefaults([], ["en"], [], null, today)).toEqual({ title: "", lang: "en", week: "2026-W49", section: "" });
  });

  it("sends no week or section when they are left empty, and the title trimmed", () => {
    expect(newCommentaryRequest({ title: "  Grain  ", lang: "en", week: " ", section: "" })).toEqual({
      title: "Grain",
      lang: "en",
      week: null,
      section: null,
    });
    expect(newCommentaryRequest({ title: "x", lang: "be", week: "2020-W20 ", section: "politics" }).week).toBe("2020-W20");
  });

  it("lists the library's weeks newest first, each once", () => {
    expect(libraryWeeks([...library, commentary("d", "2020-W20", ["be"])])).toEqual(["2020-W21", "2020-W20"]);
  });
});

describe("the New issue week", () => {
  it("is the week after the newest issue when that is still ahead, else this week", () => {
    const library = [commentary("a", "2020-W21", ["be"])];
    expect(newIssueDefault(library, new Date(Date.UTC(2020, 4, 12)))).toBe("2020-W22");
    expect(newIssueDefault(library, new Date(Date.UTC(2026, 11, 3)))).toBe("2026-W49");
    expect(newIssueDefault([], new Date(Date.UTC(2020, 4, 12)))).toBe("2020-W20");
  });
});

describe("a library row's actions", () => {
  it("offers deleting one language version only for an open translation", () => {
    const three = commentary("a", "2020-W20", ["be", "ru", "en"]);
    const kinds = (lang: string | null) => menuItems(three, lang).map((i) => i.action.kind);
    expect(kinds(null)).toEqual(["rename", "move-week", "archive", "delete"]);
    expect(kinds("be")).toEqual(["rename", "move-week", "archive", "delete"]);
    expect(kinds("ru")).toEqual(["rename", "move-week", "archive", "delete-language", "delete"]);
    const single = commentary("b", null, ["ru"]);
    expect(menuItems(single, "ru").map((i) => i.action.kind)).not.toContain("delete-language");
  });

  it("renames the open language version, else the source, starting from its own title", () => {
    const three = commentary("a", "2020-W20", ["be", "ru", "en"]);
    expect(menuItems(three, "en")[0]?.action).toEqual({ kind: "rename", lang: "en" });
    expect(menuItems(three, "de")[0]?.action).toEqual({ kind: "rename", lang: "be" });
    expect(titleIn(three, "en")).toBe("a in en");
    expect(titleIn(three, "de")).toBe("a title");
  });

  it("marks only the deletions as dangerous", () => {
    const items = menuItems(commentary("a", null, ["be", "ru"]), "ru");
    expect(items.filter((i) => i.danger).map((i) => i.action.kind)).toEqual(["delete-language", "delete"]);
  });
});
