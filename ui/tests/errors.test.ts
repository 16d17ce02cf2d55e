// @vitest-environment happy-dom
// Errors as data: a coded error is worded from the UI's catalogues with its facts filled in
// (counts in each language's plural forms, tags as words), never with the core's English; an
// error without a code leads with its kind's sentence and then shows the core's sentence.
import { afterEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { asErrorDto, type ErrorDto } from "../src/ipc";
import { setUiLanguage } from "../src/i18n";
import { errorParts, errorSentence, errorText } from "../src/lib/errors";
import ErrorNotice from "../src/lib/ErrorNotice.svelte";

const ENGLISH = "the core's English sentence";
const coded = (code: ErrorDto["code"], args: Record<string, string>, kind: ErrorDto["kind"] = "invalid"): ErrorDto => ({
  kind,
  code,
  args,
  message: ENGLISH,
});

afterEach(() => setUiLanguage("en"));

describe("a coded error in each language", () => {
  const occupied = coded("path_occupied", { path: "2020-W20/army.en.md" });

  it.each([
    ["en", "Another file is at 2020-W20/army.en.md now. Move or rename it, then restore again."],
    ["ru", "По пути 2020-W20/army.en.md теперь другой файл. Переместите или переименуйте его и восстановите снова."],
    ["be", "Па шляху 2020-W20/army.en.md цяпер іншы файл. Перамясціце або перайменуйце яго і аднавіце зноў."],
  ] as const)("%s: fills in the facts and shows no English", (lang, sentence) => {
    setUiLanguage(lang);
    expect(errorSentence(occupied)).toBe(sentence);
    expect(errorParts(occupied)).toEqual({ lead: sentence, detail: null });
    expect(errorText(occupied)).not.toContain(ENGLISH);
  });

  it.each([
    ["en", "“2020-W99” is not an issue week."],
    ["ru", "«2020-W99» — не неделя выпуска."],
    ["be", "«2020-W99» — не тыдзень выпуску."],
  ] as const)("%s: names the week that is not one", (lang, start) => {
    setUiLanguage(lang);
    expect(errorSentence(coded("week_invalid", { week: "2020-W99" }))).toMatch(new RegExp(`^${start}`));
  });

  it("puts byte counts in each language's plural forms", () => {
    const large = (size: string) => coded("too_large", { path: "a.md", size, limit: "1" }, "too_large");
    setUiLanguage("en");
    expect(errorSentence(large("2"))).toBe(
      "a.md is 2 bytes, more than the limit for a draft (1 byte). Split it or move it out of the workspace.",
    );
    setUiLanguage("ru");
    expect(errorSentence(large("2"))).toContain("занимает 2 байта, больше предела для черновика (1 байт)");
    expect(errorSentence(large("5"))).toContain("занимает 5 байт,");
    setUiLanguage("be");
    expect(errorSentence(large("3"))).toContain("займае 3 байты, больш за мяжу для чарнавіка (1 байт)");
    expect(errorSentence(large("11"))).toContain("займае 11 байтаў,");
  });

  it("words tags: an editorial status, an edge, the cause of a failed write", () => {
    setUiLanguage("ru");
    const review = errorSentence(coded("approval_needs_review", { id: "x", status: "draft" })) ?? "";
    expect(review).not.toContain("«draft»");
    expect(review).toMatch(/^Комментарий в статусе «[^»]+»; одобрение идёт через рецензию/);
    expect(errorSentence(coded("move_at_edge", { id: "x", edge: "first", section: "economy" }))).toBe(
      "Комментарий уже в начале раздела «economy». Перенос в другой раздел — отдельное действие.",
    );
    setUiLanguage("be");
    const full = coded("write_failed", { path: "a.be.md", step: "write", replaced: "false", cause: "disk_full" }, "write_failed");
    expect(errorSentence(full)).toBe(
      "a.be.md не ўдалося захаваць: дыск запоўнены — вызваліце месца і захавайце зноў. Файл на дыску не змяніўся, тое, што вы захоўвалі, не страчана.",
    );
    expect(errorSentence({ ...full, args: { ...full.args, replaced: "true" } })).toMatch(/^a\.be\.md захаваны, але дыск запоўнены/);
    expect(errorSentence(coded("status_missing_not_settable", { id: "x", lang: "ru" }))).toContain("«няма»");
  });
});

describe("an error without a code", () => {
  it("leads with its kind in the UI language, then the core's sentence", () => {
    setUiLanguage("be");
    const free = coded(null, { what: "x", message: "y" }, "sync");
    expect(errorSentence(free)).toBeNull();
    expect(errorParts(free)).toEqual({ lead: "Сінхранізацыя не ўдалася.", detail: ENGLISH });
  });

  it("takes a code only when it is one the app knows, so a newer core's code shows its sentence", () => {
    const known = asErrorDto({ kind: "invalid", code: "title_empty", args: {}, message: ENGLISH });
    expect(known.code).toBe("title_empty");
    const newer = asErrorDto({ kind: "invalid", code: "from_the_future", args: { n: 1, a: "b" }, message: ENGLISH });
    expect(newer).toEqual({ kind: "invalid", code: null, args: { a: "b" }, message: ENGLISH });
    expect(errorParts(newer).detail).toBe(ENGLISH);
  });
});

describe("the error notice", () => {
  it("shows a coded error in the UI language only", () => {
    setUiLanguage("ru");
    const target = document.createElement("div");
    const notice = mount(ErrorNotice, { target, props: { heading: "h", error: coded("title_empty", {}) } });
    flushSync();
    expect(target.querySelector(".error-kind")?.textContent).toBe("Заголовок пуст. Напишите заголовок.");
    expect(target.querySelector(".error-message")).toBeNull();
    expect(target.textContent).not.toContain(ENGLISH);
    expect(target.querySelector("[data-error-code]")?.getAttribute("data-error-code")).toBe("title_empty");
    void unmount(notice);
  });
});

describe("counts of drafts in each language's plural forms", () => {
  const inUse = (count: string) => coded("language_in_use", { lang: "ru", count, paths: "a.ru.md" });
  it.each([
    ["en", "1", "while drafts use it: 1 draft (a.ru.md)"],
    ["en", "3", "while drafts use it: 3 drafts (a.ru.md)"],
    ["ru", "1", "пока его используют черновики: 1 черновик (a.ru.md)"],
    ["ru", "3", "пока его используют черновики: 3 черновика (a.ru.md)"],
    ["ru", "9", "пока его используют черновики: 9 черновиков (a.ru.md)"],
    ["be", "2", "пакуль яе выкарыстоўваюць чарнавікі: 2 чарнавікі (a.ru.md)"],
    ["be", "5", "пакуль яе выкарыстоўваюць чарнавікі: 5 чарнавікоў (a.ru.md)"],
  ] as const)("%s, %s drafts", (lang, count, part) => {
    setUiLanguage(lang);
    expect(errorSentence(inUse(count))).toContain(part);
  });
});
