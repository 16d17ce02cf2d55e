// Readiness reasons as data: every code the core can give has its sentence, its "what to do" and
// (for codes read two ways) its variant in every UI catalogue; the words follow the UI language;
// each fixable reason offers its fix; Export says why it is off.
import { afterEach, describe, expect, it } from "vitest";
import { asErrorDto, ERROR_CODE_ARGS, ERROR_CODES, ERROR_KINDS, REASON_KINDS } from "../src/ipc";
import type { BlockerView, LanguageReadinessView } from "../src/ipc";
import { catalogues, setUiLanguage, UI_LANGUAGES } from "../src/i18n";
import { errorKindText } from "../src/lib/errors";
import { exportBlocked, fixLabel, reasonFix, reasonProblem, reasonTodo } from "../src/lib/board/reasons";

const blocker = (kind: BlockerView["kind"], args: Record<string, string> = {}, path: string | null = "2020-W21/gas.ru.md"): BlockerView => ({
  id: "nilo7qho2j",
  title: "Gas talks",
  lang: "ru",
  path,
  kind,
  args,
  problem: "the core's English sentence",
  whatToDo: "`galley review set nilo7qho2j in-review`",
});

afterEach(() => setUiLanguage("en"));

describe("the catalogues and the core's reason codes", () => {
  it.each(UI_LANGUAGES)("%s has a sentence and a what-to-do for every code", (lang) => {
    const catalogue = catalogues[lang] as Record<string, string>;
    expect(REASON_KINDS.length).toBeGreaterThan(10);
    const missing = REASON_KINDS.flatMap((kind) =>
      [`reason_${kind}`, `reasonTodo_${kind}`].filter((key) => !catalogue[key]?.trim()),
    );
    expect(missing).toEqual([]);
    for (const key of ["reason_conflict_copy", "reasonTodo_conflict_copy", "reason_unusable_file_name_taken"]) {
      expect(catalogue[key]?.trim(), key).toBeTruthy();
    }
  });

  it("Russian and Belarusian are their own words, not English copies", () => {
    for (const kind of REASON_KINDS) {
      expect(catalogues.ru[`reason_${kind}`]).not.toBe(catalogues.en[`reason_${kind}`]);
      expect(catalogues.be[`reason_${kind}`]).not.toBe(catalogues.ru[`reason_${kind}`]);
    }
  });
});

describe("a reason in the user's language", () => {
  it("fills the core's facts in, status and field words translated, never the CLI text", () => {
    const notDone = blocker("translation_not_done", { status: "in-progress" });
    expect(reasonProblem(notDone)).toBe("the ru translation is in progress");
    setUiLanguage("be");
    expect(reasonProblem(notDone)).toBe(`пераклад ru: ${catalogues.be.state_in_progress}`);
    expect(reasonProblem(blocker("field_empty", { field: "trend" }))).toBe("поле «Тэндэнцыя» не запоўнена");
    setUiLanguage("ru");
    expect(reasonProblem(blocker("not_approved", { status: "draft" }))).toBe(`не одобрен (сейчас: ${catalogues.ru.editorial_draft})`);
    expect(reasonTodo(blocker("not_approved", { status: "draft" }))).not.toContain("galley");
  });

  it("reads a conflict copy and a taken file name differently from their plain codes", () => {
    expect(reasonProblem(blocker("conflict", { file: "a (1).md", copy_of: "a.md" }, null))).toBe(
      "a (1).md is a sync tool’s conflict copy of a.md",
    );
    expect(reasonProblem(blocker("conflict", { file: "a.md" }, null))).toBe("a.md has merge conflict markers");
    expect(reasonProblem(blocker("unusable_file_name", { slug: "gas", other: "x1" }))).toContain("x1");
  });
});

describe("the fix each reason offers", () => {
  it("sends a draft to review and approves one in review", () => {
    const draft = blocker("not_approved", { status: "draft" });
    expect(reasonFix(draft)).toEqual({ kind: "editorial", id: "nilo7qho2j", status: "in-review" });
    expect(fixLabel(reasonFix(draft)!, draft)).toBe("Send to review");
    const review = blocker("not_approved", { status: "in-review" });
    expect(reasonFix(review)).toEqual({ kind: "editorial", id: "nilo7qho2j", status: "approved" });
  });

  it("opens the translation, the text or the field in the reason's language", () => {
    const outdated = blocker("translation_outdated", { source_lang: "be" });
    expect(reasonFix(outdated)).toEqual({ kind: "open", id: "nilo7qho2j", lang: "ru" });
    expect(fixLabel(reasonFix(outdated)!, outdated)).toBe("Open the ru translation");
    const trend = blocker("field_empty", { field: "trend" });
    expect(fixLabel(reasonFix(trend)!, trend)).toBe("Fill in Trend");
    setUiLanguage("ru");
    expect(fixLabel(reasonFix(outdated)!, outdated)).toBe("Открыть перевод ru");
  });

  it("points at the board's own controls for a title or a section, and offers nothing it cannot do", () => {
    expect(reasonFix(blocker("issue_title_missing", { week: "2020-W21" }))).toEqual({ kind: "title", lang: "ru" });
    expect(reasonFix(blocker("no_section"))).toEqual({ kind: "section", id: "nilo7qho2j" });
    expect(reasonFix(blocker("translation_missing", {}, null))).toBeNull();
    expect(reasonFix(blocker("no_files", { issue_file: "2020-W21/issue.toml" }, null))).toBeNull();
  });
});

describe("Export says why it is off", () => {
  const lang = (code: string, ready: boolean): LanguageReadinessView => ({ lang: code, ready, blockers: [] });

  it("when no language would be published, even with only complete languages", () => {
    const none = [lang("be", false), lang("ru", false)];
    expect(exportBlocked(none, true)).toBe("Nothing would be published: no language is ready yet.");
    expect(exportBlocked(none, false)).toBe("Nothing would be published: no language is ready yet.");
  });

  it("when some are not ready and the export would be refused for them", () => {
    const some = [lang("be", true), lang("ru", false), lang("en", false)];
    expect(exportBlocked(some, false)).toContain("(ru, en)");
    expect(exportBlocked(some, true)).toBeNull();
    expect(exportBlocked([lang("be", true)], false)).toBeNull();
  });
});

describe("error kinds in the user's language", () => {
  it.each(UI_LANGUAGES)("%s has a sentence for every kind the app can report", (lang) => {
    const catalogue = catalogues[lang] as Record<string, string>;
    expect(ERROR_KINDS).toContain("not_ready");
    expect(ERROR_KINDS).toContain("internal");
    const missing = ERROR_KINDS.filter((kind) => !catalogue[`error_${kind}`]?.trim());
    expect(missing).toEqual([]);
  });

  it.each(UI_LANGUAGES)("%s has a sentence for every error code, using only the code's facts", (lang) => {
    const catalogue = catalogues[lang] as Record<string, string>;
    expect(ERROR_CODES).toContain("path_occupied");
    expect(ERROR_CODES).toContain("week_invalid");
    const missing = ERROR_CODES.filter((code) => !catalogue[`errorCode_${code}`]?.trim());
    expect(missing).toEqual([]);
    // A placeholder the error does not carry would show as `{name}` to the user. `missing` is
    // the one the UI adds itself (the word for the "missing" state).
    const stray = ERROR_CODES.flatMap((code) => {
      const facts = new Set<string>([...ERROR_CODE_ARGS[code], "missing"]);
      const used = [...(catalogue[`errorCode_${code}`] ?? "").matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
      return used.filter((name) => !facts.has(name)).map((name) => `${code}: {${name}}`);
    });
    expect(stray).toEqual([]);
  });

  it("words a refused export in the UI language", () => {
    setUiLanguage("be");
    expect(errorKindText("not_ready")).toBe("Экспарт адхілены: выпуск не гатовы да публікацыі.");
  });

  it("takes a rejection's kind only when it is one the app knows", () => {
    expect(asErrorDto({ kind: "not_found", code: null, args: {}, message: "gone" })).toEqual({ kind: "not_found", code: null, args: {}, message: "gone" });
    expect(asErrorDto({ kind: "from_the_future", code: null, args: {}, message: "x" })).toEqual({ kind: "internal", code: null, args: {}, message: "from_the_future: x" });
    expect(asErrorDto(new Error("bridge"))).toEqual({ kind: "internal", code: null, args: {}, message: "Error: bridge" });
  });
});
