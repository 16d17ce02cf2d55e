// What the editor says when the spell checker cannot check, and the setting that turns it off.
import { afterEach, describe, expect, it } from "vitest";
import { setUiLanguage } from "../src/i18n";
import { setSpellingOn, spelling, spellingNotice } from "../src/lib/editor/spelling.svelte";

afterEach(() => setUiLanguage("en"));

describe("spellingNotice", () => {
  it("names the missing dictionary and the package that brings it, in the UI language", () => {
    const missing = { state: "missing", lang: "be", dictionary: "be_BY", package: "hunspell-be" } as const;
    expect(spellingNotice(missing)).toBe(
      "Spelling is not checked: the be_BY dictionary is not installed (Debian package hunspell-be).",
    );
    setUiLanguage("be");
    expect(spellingNotice(missing)).toContain("hunspell-be");
    expect(spellingNotice(missing)).toMatch(/^Правапіс не правяраецца/);
  });

  it("says a language without a dictionary is not checked", () => {
    expect(spellingNotice({ state: "noDictionary", lang: "pl" })).toContain("“pl”");
  });

  it("says nothing while checking or when turned off", () => {
    expect(spellingNotice({ state: "checking", lang: "ru", dictionary: "ru_RU" })).toBeNull();
    expect(spellingNotice({ state: "off" })).toBeNull();
  });
});

describe("the spelling setting", () => {
  it("turns checking off and on", () => {
    setSpellingOn(false);
    expect(spelling.on).toBe(false);
    setSpellingOn(true);
    expect(spelling.on).toBe(true);
  });
});
