import { afterEach, describe, expect, it } from "vitest";
import { be } from "../src/i18n/be";
import { en } from "../src/i18n/en";
import { ru } from "../src/i18n/ru";
import { formatDateTime, setUiLanguage, t } from "../src/i18n";

const others = { ru, be } as const;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// Same in every language: the product's name, a pure pattern, and languages named in themselves.
const SAME_EVERYWHERE = new Set(["appName", "commentaryLabel", "uiLanguage_en", "uiLanguage_ru", "uiLanguage_be", "searchHitLabel", "setByLine", "whoWhen"]);

describe.each(Object.entries(others))("the %s catalogue", (name, catalogue) => {
  it("has exactly en's keys", () => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
  });

  it("uses the same {placeholders} as en in every message", () => {
    const mismatched = Object.entries(en)
      .filter(([key, text]) => placeholders(catalogue[key as keyof typeof en]).join() !== placeholders(text).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("translates every message into Cyrillic", () => {
    const untranslated = Object.entries(catalogue)
      .filter(([key]) => !SAME_EVERYWHERE.has(key))
      .filter(([key, text]) => text.trim() === "" || text === en[key as keyof typeof en] || !/[а-яёўі]/i.test(text))
      .map(([key]) => `${name}.${key}`);
    expect(untranslated).toEqual([]);
  });
});

it("tells Belarusian from Russian by their own letters", () => {
  const all = (c: Record<string, string>) => Object.values(c).join(" ");
  expect(all(be)).toMatch(/ў/);
  expect(all(be)).not.toMatch(/[щъ]/);
  expect(all(ru)).not.toMatch(/[ўі]/);
});

describe("t", () => {
  afterEach(() => setUiLanguage("en"));

  it("speaks the language switched to", () => {
    setUiLanguage("ru");
    expect(t("settingsTitle")).toBe("Настройки");
    setUiLanguage("be");
    expect(t("settingsTitle")).toBe("Налады");
  });

  it("formats numbers in placeholders for the UI language", () => {
    expect(t("words", { count: 12345 })).toBe("12,345 words");
    setUiLanguage("ru");
    // Russian groups thousands with a (narrow) no-break space.
    expect(t("words", { count: 12345 })).toMatch(/^Слов: 12\s345$/u);
  });

  it("writes dates the way the UI language does", () => {
    const at = "2020-05-14T09:30:00Z";
    const english = formatDateTime(at);
    setUiLanguage("ru");
    const russian = formatDateTime(at);
    expect(english).toMatch(/May/);
    expect(russian).toMatch(/мая/);
  });
});
