// The refusals a user meets by editing a file by hand, searching, naming, importing a
// translation or syncing are worded from the catalogues: the facts filled in, tags as words,
// sections by their names in the workspace; only a parser's or git's own words stay as they
// were given.
import { afterEach, describe, expect, it } from "vitest";
import { setUiLanguage } from "../src/i18n";
import type { ErrorDto, SectionInfo } from "../src/ipc";
import { errorParts, errorSentence, setErrorSections } from "../src/lib/errors";

const ENGLISH = "the core's English sentence";
const coded = (code: ErrorDto["code"], args: Record<string, string>, kind: ErrorDto["kind"] = "invalid"): ErrorDto => ({
  kind,
  code,
  args,
  message: ENGLISH,
});

afterEach(() => {
  setUiLanguage("en");
  setErrorSections([]);
});

describe("a draft's fields written by hand", () => {
  const twice = coded("draft_key_twice", { path: "2020-W20/a.be.md", line: "4", key: "id", first_line: "2" }, "invalid_draft");

  it.each([
    ["en", "2020-W20/a.be.md, line 4: the field id appears twice (first on line 2). Keep one of them."],
    ["ru", "2020-W20/a.be.md, строка 4: поле id встречается дважды (впервые в строке 2). Оставьте одно."],
    ["be", "2020-W20/a.be.md, радок 4: поле id сустракаецца двойчы (упершыню ў радку 2). Пакіньце адно."],
  ] as const)("%s: names the key and both lines, with no English", (lang, sentence) => {
    setUiLanguage(lang);
    expect(errorParts(twice)).toEqual({ lead: sentence, detail: null });
  });

  it("words what was found in place of text", () => {
    const list = coded("draft_field_not_text", { path: "a.ru.md", line: "5", field: "title", found: "list" }, "invalid_draft");
    setUiLanguage("ru");
    expect(errorSentence(list)).toBe("a.ru.md, строка 5: поле title должно быть текстом, а не списком.");
    setUiLanguage("be");
    expect(errorSentence({ ...list, args: { ...list.args, found: "mapping" } })).toBe(
      "a.ru.md, радок 5: поле title мусіць быць тэкстам, а не слоўнікам.",
    );
  });

  it("keeps the YAML reader's words as given inside a translated sentence", () => {
    const yaml = coded("draft_yaml_syntax", { path: "a.be.md", line: "3", yaml_says: "did not find expected key" }, "invalid_draft");
    setUiLanguage("be");
    const sentence = errorSentence(yaml) ?? "";
    expect(sentence).toMatch(/^a\.be\.md, радок 3: палі не чытаюцца як YAML\./);
    expect(sentence).toContain("did not find expected key");
  });
});

describe("the settings file, a search, a name", () => {
  it("names the settings file and its line in Russian", () => {
    setUiLanguage("ru");
    const unreadable = coded("settings_unreadable", { path: ".galley/settings.toml", line: "7", toml_says: "expected `]`" }, "invalid_settings");
    expect(errorSentence(unreadable)).toMatch(/^Файл настроек \.galley\/settings\.toml не читается в строке 7\./);
  });

  it("words a search that cannot be read and the filter it names", () => {
    setUiLanguage("be");
    expect(errorSentence(coded("search_quote_unclosed", { query: "\"army" }))).toBe(
      "У запыце «\"army» двукоссе адкрывае фразу, якая нідзе не закрыта. Дадайце зачыняльнае двукоссе.",
    );
    expect(errorSentence(coded("search_filter_invalid", { filter: "issue", value: "week 20" }))).toMatch(/^Фільтр «выпуск» не можа выкарыстаць «week 20»\./);
  });

  it("counts a name's bytes in each language's plural forms", () => {
    setUiLanguage("ru");
    const long = coded("name_too_long", { name: "x", size: "201", limit: "200" });
    expect(errorSentence(long)).toContain("занимает 201 байт; имена файлов и папок могут занимать не больше 200 байт.");
  });
});

describe("importing a translation and syncing", () => {
  it.each([
    ["ru", "XLIFF-файл job.xlf обрывается раньше времени"],
    ["be", "XLIFF-файл job.xlf абрываецца заўчасна"],
  ] as const)("%s: a file cut short", (lang, start) => {
    setUiLanguage(lang);
    expect(errorSentence(coded("xliff_cut_short", { file: "job.xlf" }))).toMatch(new RegExp(`^${start}`));
  });

  it("translates git's refusal and keeps git's words as git printed them", () => {
    const refused = coded("sync_push_refused", { remote: "origin", git_says: "remote: GH006: Protected branch update failed" }, "sync");
    setUiLanguage("be");
    const parts = errorParts(refused);
    expect(parts.detail).toBeNull();
    expect(parts.lead).toBe(
      "Агульны рэпазіторый origin не прыняў змяненні. Тут нічога не страчана; выпраўце доступ і сінхранізуйце зноў. (Паведамленне git: remote: GH006: Protected branch update failed)",
    );
  });
});

describe("sections by their names", () => {
  const sections: SectionInfo[] = [
    { key: "economy", titles: { en: "Economy", ru: "Экономика", be: "Эканоміка" } },
    { key: "army", titles: { en: "Army" } },
  ];

  it.each([
    ["en", "This commentary is already at the top of section “Economy”."],
    ["ru", "Комментарий уже в начале раздела «Экономика»."],
    ["be", "«Эканоміка»"],
  ] as const)("%s: a move at the edge names the section as the board does", (lang, part) => {
    setErrorSections(sections);
    setUiLanguage(lang);
    const sentence = errorSentence(coded("move_at_edge", { id: "x", edge: "first", section: "economy" })) ?? "";
    expect(sentence).toContain(part);
    expect(sentence).not.toContain("economy");
  });

  it("falls back to the key where the workspace has no name in the language, or no such section", () => {
    setErrorSections(sections);
    setUiLanguage("ru");
    expect(errorSentence(coded("section_unknown", { section: "sport", sections: "economy, army" }))).toBe(
      "В рабочем пространстве нет раздела «sport». Его разделы: Экономика, army.",
    );
    const inUse = errorSentence(coded("section_in_use", { section: "economy", count: "2", paths: "a.md, b.md" })) ?? "";
    expect(inUse).toMatch(/^Раздел «Экономика» нельзя убрать/);
  });
});
