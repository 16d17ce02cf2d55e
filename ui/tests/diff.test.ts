import { describe, expect, it } from "vitest";
import type { DiffView } from "../src/ipc/bindings";
import { changeCount, diffSummary, drawHunks, inlineText, pick, stepChange } from "../src/lib/history/diff";
import { setUiLanguage } from "../src/i18n";

const diff: DiffView = {
  fields: [],
  wordsAdded: 1,
  wordsRemoved: 1,
  paragraphsChanged: 2,
  summary: "+1 word, −1 word, 2 paragraphs changed",
  coarse: false,
  hunks: [
    {
      paragraphs: [
        { kind: "unchanged", spans: [{ kind: "equal", old: "Same.\n\n", new: "Same.\n\n" }] },
        {
          kind: "modified",
          spans: [
            { kind: "equal", old: "The ", new: "The " },
            { kind: "delete", old: "old", new: "" },
            { kind: "insert", old: "", new: "new" },
            { kind: "equal", old: " word.\n", new: " word.\n" },
          ],
        },
      ],
    },
    { paragraphs: [{ kind: "added", spans: [{ kind: "insert", old: "", new: "More.\n" }] }] },
  ],
};

describe("drawHunks", () => {
  it("splits each paragraph into an old and a new column and numbers the changes", () => {
    const hunks = drawHunks(diff);
    const row = hunks[0]?.rows[1];
    expect(row?.old.map((s) => s.old).join("")).toBe("The old word.\n");
    expect(row?.new.map((s) => s.new).join("")).toBe("The new word.\n");
    expect(hunks.flatMap((h) => h.rows.map((r) => r.change))).toEqual([null, 0, 1]);
    expect(changeCount(hunks)).toBe(2);
  });

  it("shows deleted words by their old text inline", () => {
    expect(inlineText({ kind: "delete", old: "gone", new: "" })).toBe("gone");
    expect(inlineText({ kind: "insert", old: "", new: "here" })).toBe("here");
  });
});

describe("stepChange", () => {
  it("goes to the first or last change, then wraps around", () => {
    expect(stepChange(null, 3, 1)).toBe(0);
    expect(stepChange(null, 3, -1)).toBe(2);
    expect(stepChange(2, 3, 1)).toBe(0);
    expect(stepChange(0, 3, -1)).toBe(2);
    expect(stepChange(null, 0, 1)).toBeNull();
  });
});

describe("pick", () => {
  it("keeps the two latest picks and unpicks on a second click", () => {
    expect(pick([], 5)).toEqual([5]);
    expect(pick([5, 7], 9)).toEqual([7, 9]);
    expect(pick([5, 7], 5)).toEqual([7]);
  });
});

describe("the diff summary in the UI language", () => {
  it("counts words and paragraphs in each language's plural forms", () => {
    const counts = { ...diff, wordsAdded: 5, wordsRemoved: 1, paragraphsChanged: 2 };
    setUiLanguage("en");
    expect(diffSummary(counts)).toBe("+5 words, −1 word, 2 paragraphs changed");
    setUiLanguage("ru");
    expect(diffSummary(counts)).toBe("+5 слов, −1 слово, с правками: 2 абзаца");
    setUiLanguage("be");
    expect(diffSummary(counts)).toBe("+5 слоў, −1 слова, з праўкамі: 2 абзацы");
    setUiLanguage("en");
  });

  it("says which details changed when the body did not", () => {
    const fieldsOnly = { ...diff, wordsAdded: 0, wordsRemoved: 0, paragraphsChanged: 0, hunks: [], fields: [{}, {}] } as unknown as DiffView;
    setUiLanguage("ru");
    expect(diffSummary(fieldsOnly)).toBe("Изменены только сведения: 2 поля");
    setUiLanguage("en");
    expect(diffSummary(fieldsOnly)).toBe("Only the details changed: 2 fields");
  });
});
