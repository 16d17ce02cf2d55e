// End-to-end smoke test of the real desktop app through WebDriver (tauri-driver + WebKitWebDriver).
// Run under a display, e.g. by scripts/test:
//   xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/e2e/smoke.test.mjs
// GALLEY_APP names the app binary (default: target/debug/galley-desktop).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { App, repo, sampleDrafts, sampleWorkspace } from "./harness.mjs";

// ---- fixture: one session of the app on a copy of drafts/ ----

let galley;
let session;
let workspace;
let config;
const wd = (...args) => galley.wd(...args);
const until = (...args) => galley.until(...args);

before(async () => {
  workspace = sampleWorkspace("smoke");
  // The profile names the person saving.
  galley = new App({ name: "E2E Editor", workspace });
  await galley.start();
  session = galley.session;
  config = galley.config;
});

after(async () => {
  await galley?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const screenshot = (t, name) => galley.screenshot(t, name);
const find = (css) => galley.find(css);
const text = (element) => galley.text(element);

test("the library lists the sample commentaries and opening one shows its lead", async (t) => {
  const drafts = sampleDrafts(join(repo, "drafts"));
  const sources = drafts.filter((d) => !d.translation_of);
  assert.ok(sources.length > 0, "the sample workspace has source drafts");

  const rows = await until("the commentary list", 20_000, async () => {
    const found = await find("button.commentary .commentary-title");
    return found.length >= sources.length ? found : null;
  });
  const titles = await Promise.all(rows.map(text));
  for (const source of sources) {
    assert.ok(titles.includes(source.title), `"${source.title}" is listed (saw ${JSON.stringify(titles)})`);
  }

  // Every row names each digest language's state, "missing" exactly for absent files.
  for (const source of sources) {
    const [row] = await find(`button.commentary[data-id="${source.id}"]`);
    assert.ok(row, `a row for ${source.id}`);
    const label = await wd("GET", `/session/${session}/element/${row}/attribute/aria-label`);
    for (const lang of ["be", "ru", "en"]) {
      const has = drafts.some((d) => d.id === source.id && d.lang === lang);
      const said = label.includes(`${lang}: missing`);
      assert.equal(said, !has, `${source.id} ${lang} ${has ? "is present" : "is missing"}: ${label}`);
    }
  }

  const chosen = sources.find((d) => d.lead) ?? assert.fail("a sample draft has a lead");
  const [button] = await find(`button.commentary[data-id="${chosen.id}"]`);
  assert.ok(button, `a row for ${chosen.id}`);
  await wd("POST", `/session/${session}/element/${button}/click`, {});

  // The lead is edited in the Details form above the text.
  const lead = await until("the lead of the opened commentary", 10_000, async () => {
    const [element] = await find(".page .field-lead");
    return element ? wd("GET", `/session/${session}/element/${element}/property/value`) : null;
  });
  assert.equal(lead.replace(/\s+/g, " ").trim(), chosen.lead);
  await screenshot(t, "library");
});

// ---- the editor, history and external changes, on one draft ----

const EDITED = "2020-W21/key-rate-cut.en.md";
const editedDraft = () => sampleDrafts(join(repo, "drafts")).find((d) => d.path === EDITED) ?? assert.fail(`${EDITED} is a sample`);
const onDisk = () => readFileSync(join(workspace, EDITED), "utf8");
const click = async (css) => {
  const [element] = await until(css, 10_000, async () => ((await find(css)).length > 0 ? find(css) : null));
  await wd("POST", `/session/${session}/element/${element}/click`, {});
};
const typeAtEnd = (text) => galley.typeAtEnd(text);
const textOf = async (css) => {
  const [element] = await find(css);
  return element ? text(element) : "";
};
const saveState = () =>
  find(".save-state").then(([e]) => (e ? wd("GET", `/session/${session}/element/${e}/attribute/data-state`) : null));

async function openEditedDraft() {
  const { id } = editedDraft();
  await click(`button.commentary[data-id="${id}"]`);
  const switcher = await until("the en switcher", 10_000, async () => {
    const buttons = await find(".switcher button");
    for (const b of buttons) if ((await text(b)) === "en") return b;
    return null;
  });
  await wd("POST", `/session/${session}/element/${switcher}/click`, {});
  await until("the editor", 10_000, async () => (await find(".markdown-editor .cm-content")).length > 0);
}

test("editing a draft and saving it lists a new version", async (t) => {
  await openEditedDraft();
  const before = (await find(".version")).length;
  await click(".markdown-editor .cm-line");
  await typeAtEnd("\nAn inserted sentence.");
  await until("the unsaved state", 5_000, async () => (await saveState()) === "unsaved");

  await click(".save-now");

  await until("the saved state", 10_000, async () => (await saveState()) === "saved");
  assert.ok(onDisk().includes("An inserted sentence."), "the file holds the edit");
  assert.ok(onDisk().startsWith("---\n"), "the front matter is still there");
  await until("a new version in History", 10_000, async () => (await find(".version")).length > before);
  await screenshot(t, "saved");
});

test("comparing two versions shows the edit as inserted words", async (t) => {
  const picks = await until("two versions", 10_000, async () => {
    const found = await find(".version-pick");
    return found.length >= 2 ? found : null;
  });
  await wd("POST", `/session/${session}/element/${picks[1]}/click`, {});
  await wd("POST", `/session/${session}/element/${picks[0]}/click`, {});

  const inserted = await until("the diff", 10_000, async () => {
    const words = await Promise.all((await find(".diff ins")).map(text));
    return words.length > 0 ? words.join(" ") : null;
  });
  assert.match(inserted, /An inserted sentence/);
  assert.match(await textOf(".diff-summary"), /\+3 words/);
  await screenshot(t, "diff");
});

test("an external edit of the open file is reloaded with a notice", async (t) => {
  await until("the saved state", 10_000, async () => (await saveState()) === "saved");
  writeFileSync(join(workspace, EDITED), `${onDisk()}\nWritten by another program.\n`);

  await until("the reload notice", 15_000, async () => (await find(".notice")).length > 0);
  await until("the reloaded text", 10_000, async () =>
    (await textOf(".markdown-editor .cm-content")).includes("Written by another program."),
  );
  assert.equal(await saveState(), "saved");
  await screenshot(t, "reloaded");
});

test("an external edit while there are unsaved edits shows the conflict bar and keeps both", async (t) => {
  await click(".markdown-editor .cm-line");
  await typeAtEnd("\nMine, not yet saved.");
  const theirs = `${onDisk()}\nTheirs, from elsewhere.\n`;
  writeFileSync(join(workspace, EDITED), theirs);

  await until("the conflict bar", 15_000, async () => (await find(".conflict-bar")).length > 0);
  assert.equal(await saveState(), "conflict");
  assert.equal(onDisk(), theirs, "the file keeps theirs until the user decides");
  await screenshot(t, "conflict");

  await click(".conflict-mine");
  await until("my text on disk", 10_000, async () => onDisk().includes("Mine, not yet saved."));
  assert.ok(!onDisk().includes("Theirs, from elsewhere."), "mine replaced theirs");
  await until("both texts in History", 10_000, async () => {
    const marks = await Promise.all((await find(".origin-mark")).map(text));
    return marks.includes("conflict") && marks.includes("external");
  });
});

test("changing a translation's status changes its badge in the library", async (t) => {
  const translation = sampleDrafts(join(repo, "drafts")).find((d) => d.path === "2020-W20/army-reserve-call-up.ru.md");
  assert.ok(translation?.translation_of, "the sample has a ru translation");
  await click(`button.commentary[data-id="${translation.id}"]`);
  const switcher = await until("the ru switcher", 10_000, async () => {
    for (const b of await find(".switcher button")) if ((await text(b)) === "ru") return b;
    return null;
  });
  await wd("POST", `/session/${session}/element/${switcher}/click`, {});
  await click(".translation-toggle");
  await until("the paragraph pairs", 10_000, async () => (await find(".pair")).length > 0);

  const badge = `button.commentary[data-id="${translation.id}"] .badge`;
  const stateOfRu = async () => {
    for (const b of await find(badge)) {
      if ((await text(b)).endsWith("ru")) return wd("GET", `/session/${session}/element/${b}/attribute/data-state`);
    }
    return null;
  };
  const before = await stateOfRu();
  const target = before === "in-review" ? "done" : "in-review";
  await click(`.status-control option[value="${target}"]`);

  await until(`the ru badge to say ${target}`, 10_000, async () => (await stateOfRu()) === target);
  const label = await wd(
    "GET",
    `/session/${session}/element/${(await find(`button.commentary[data-id="${translation.id}"]`))[0]}/attribute/aria-label`,
  );
  assert.match(label, new RegExp(`ru: ${target.replace("-", " ")}`));
  await screenshot(t, "translation");
});

const attr = async (element, name) => wd("GET", `/session/${session}/element/${element}/attribute/${name}`);

test("a status set on another machine arrives, says who set it, and names the change it won over", async (t) => {
  // The translation view of the previous test is open, its status set here by "E2E Editor".
  const translation = sampleDrafts(join(repo, "drafts")).find((d) => d.path === "2020-W20/army-reserve-call-up.ru.md");
  const source = readFileSync(join(workspace, "2020-W20/army-reserve-call-up.be.md"));
  const { createHash } = await import("node:crypto");
  // Hanna's machine set "done" without having seen this machine's change (no `prev`); her
  // clock is far ahead, so hers is kept.
  const line = JSON.stringify({
    v: 1,
    id: "hanna-0e2e0001.1",
    clock: 1000000,
    at: "2020-05-12T14:03:00Z",
    author: "Hanna",
    kind: "translation",
    commentary: translation.id,
    lang: "ru",
    status: "done",
    source_lang: "be",
    base: createHash("sha256").update(source).digest("hex"),
  });
  writeFileSync(join(workspace, ".galley/journal/hanna-0e2e0001.jsonl"), `${line}\n`);

  const state = await until("the translation view to say Hanna set done", 15_000, async () => {
    const [element] = await find(".translation-state");
    const shown = element ? await text(element) : "";
    return shown.startsWith("done · Hanna · ") ? shown : null;
  });
  assert.match(state, /2020/);
  const [notice] = await find(".translation .concurrent-notice");
  assert.ok(notice, "the concurrent change is noted");
  assert.match(await text(notice), /Changed at the same time by E2E Editor \(in review\) — Hanna’s change \(done\) was kept/);
  // The library's badge followed without a restart.
  const badges = await find(`button.commentary[data-id="${translation.id}"] .badge`);
  const states = await Promise.all(badges.map((b) => attr(b, "data-state")));
  assert.ok(states.includes("done"), `badges: ${states}`);
  await screenshot(t, "translation-set-by");
});

// ---- the issue board and export (board area) ----

const selectOption = async (css) => click(css);

test("the board of 2020-W21 exports the ready language to the default zip, whose manifest lists its files", async (t) => {
  const week = "2020-W21";
  const border = "ej7l6fa6hg"; // its Belarusian version is a translation still in progress
  await click(`button.board-open[data-week="${week}"]`);
  await until("the board", 15_000, async () => (await find(".board-row")).length >= 4);

  // The readiness reason opens that commentary in that language; finish the translation there.
  await click(`.readiness-lang[data-lang="be"] .reason[data-kind="translation_not_done"] .reason-open[data-id="${border}"]`);
  await until("the be editor", 10_000, async () => {
    for (const b of await find(".switcher button[aria-pressed='true']")) if ((await text(b)) === "be") return true;
    return false;
  });
  await click(".translation-toggle");
  await until("the paragraph pairs", 10_000, async () => (await find(".pair")).length > 0);
  await selectOption('.status-control option[value="done"]');
  await until("the be badge to say done", 10_000, async () => {
    for (const b of await find(`button.commentary[data-id="${border}"] .badge`)) {
      if ((await text(b)).endsWith("be")) return (await attr(b, "data-state")) === "done";
    }
    return false;
  });

  // Back on the board: approve every commentary (review first, as the workflow requires).
  await click(`button.board-open[data-week="${week}"]`);
  const ids = await until("the rows", 15_000, async () => {
    const rows = await find(".board-row");
    return rows.length >= 4 ? Promise.all(rows.map((r) => attr(r, "data-id"))) : null;
  });
  for (const id of ids) {
    for (const status of ["in-review", "approved"]) {
      await selectOption(`.board-row[data-id="${id}"] .editorial-control option[value="${status}"]`);
      await until(`${id} ${status}`, 10_000, async () => {
        const [control] = await find(`.board-row[data-id="${id}"] .editorial-control`);
        return control && (await attr(control, "data-state")) === status;
      });
    }
  }
  await until("be ready", 10_000, async () => {
    const [be] = await find('.readiness-lang[data-lang="be"]');
    return be && (await attr(be, "data-ready")) === "true";
  });

  await click(".export-only-complete input");
  await click(".export-run");
  const done = await until("the export result", 30_000, async () => {
    const [element] = await find(".export-done");
    return element ? text(element) : null;
  });
  const zip = join(workspace, "exports", `${week}.zip`);
  assert.ok(existsSync(zip), `${zip} exists (${done})`);
  await screenshot(t, "board");

  // The manifest inside the zip lists exactly the other files in it.
  const { execFileSync } = await import("node:child_process");
  const entries = execFileSync("unzip", ["-Z1", zip], { encoding: "utf8" }).split("\n").filter(Boolean);
  const manifest = JSON.parse(execFileSync("unzip", ["-p", zip, "manifest.json"], { encoding: "utf8" }));
  const listed = manifest.files.map((f) => f.path);
  assert.ok(listed.length > 0, "the manifest lists files");
  assert.deepEqual([...listed].sort(), entries.filter((e) => e !== "manifest.json").sort());
  assert.deepEqual(manifest.languages, ["be"]);
  const shown = await Promise.all((await find(".export-files li")).map(async (li) => wd("GET", `/session/${session}/element/${li}/property/textContent`)));
  assert.deepEqual([...shown].sort(), [...entries].sort(), "the panel lists the written files");
});

// ---- live preview and the CSP (issues #5 and #7) ----

const execute = (script, args = []) => wd("POST", `/session/${session}/execute/sync`, { script, args });
const PREVIEWED = "2020-W21/school-exams-on-schedule.en.md";

test("the preview shows hostile Markdown sanitized and the CSP blocks a script injected into it", async (t) => {
  // The hostile body comes from another program; the editor opens the file as it is on disk.
  const file = join(workspace, PREVIEWED);
  writeFileSync(
    file,
    `${readFileSync(file, "utf8")}\nHostile <img src=x onerror="window.__galleyPwned = 1"> and ` +
      `<script>window.__galleyPwned = 1</script> end.\n`,
  );
  const draft = sampleDrafts(join(repo, "drafts")).find((d) => d.path === PREVIEWED) ?? assert.fail(`${PREVIEWED} is a sample`);
  await click(`button.commentary[data-id="${draft.id}"]`);
  const switcher = await until("the en switcher", 10_000, async () => {
    for (const b of await find(".switcher button")) if ((await text(b)) === "en") return b;
    return null;
  });
  await wd("POST", `/session/${session}/element/${switcher}/click`, {});
  const [toggle] = await until("the preview toggle", 10_000, async () => ((await find(".preview-toggle")).length ? find(".preview-toggle") : null));
  if ((await wd("GET", `/session/${session}/element/${toggle}/attribute/aria-pressed`)) !== "true") {
    await wd("POST", `/session/${session}/element/${toggle}/click`, {});
  }
  await until("the hostile paragraph in the preview", 10_000, async () => (await textOf(".preview-body")).includes("Hostile"));

  const found = await execute(`
    const body = document.querySelector(".preview-body");
    const names = [...body.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.name));
    return { scripts: body.querySelectorAll("script").length, images: body.querySelectorAll("img").length,
             handlers: names.filter((n) => n.toLowerCase().startsWith("on")) };
  `);
  assert.equal(found.scripts, 0, "no script element in the preview");
  assert.deepEqual(found.handlers, [], "no on* attribute in the preview");
  assert.equal(found.images, 1, "the image itself is kept");

  // Inject an inline script straight into the preview, as a sanitizer bug would: the CSP
  // (no 'unsafe-inline' for scripts) must refuse to run it and report the violation.
  await execute(`
    window.__galleyViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__galleyViolations.push(e.effectiveDirective || e.violatedDirective));
    const script = document.createElement("script");
    script.textContent = "window.__galleyPwned = 1";
    document.querySelector(".preview-body").appendChild(script);
    return true;
  `);
  const violations = await until("a securitypolicyviolation event", 10_000, async () => {
    const seen = await execute("return window.__galleyViolations;");
    return seen?.length > 0 ? seen : null;
  });
  assert.ok(violations.some((d) => d.startsWith("script-src")), `a script-src violation: ${JSON.stringify(violations)}`);
  assert.equal(await execute("return typeof window.__galleyPwned;"), "undefined", "the injected script did not run");
  // Bring the preview into view for the screenshot (it sits below the text in a narrow window).
  await execute(`
    const pane = document.querySelector(".page-pane");
    pane.scrollTop += document.querySelector(".preview").getBoundingClientRect().top - 120;
    return pane.scrollTop;
  `);
  await screenshot(t, "preview");
});

test("searching finds a language version and Enter opens it in that language", async (t) => {
  const [box] = await until("the search box", 10_000, async () => ((await find(".search-input")).length ? find(".search-input") : null));
  await wd("POST", `/session/${session}/element/${box}/value`, { text: "rouble" });
  const hit = await until("a search hit", 10_000, async () => (await find(".search-hit"))[0] ?? null);
  const path = await wd("GET", `/session/${session}/element/${hit}/attribute/data-path`);
  const marks = await Promise.all((await find(".search-hit mark")).map(text));
  assert.ok(marks.some((m) => m.toLowerCase() === "rouble"), `the match is marked: ${JSON.stringify(marks)}`);
  await screenshot(t, "search");

  await wd("POST", `/session/${session}/element/${box}/value`, { text: "\uE007" });
  const lang = path.split(".").at(-2);
  await until(`the ${lang} version open`, 10_000, async () => {
    for (const b of await find(".switcher button")) {
      if ((await text(b)) === lang) return (await wd("GET", `/session/${session}/element/${b}/attribute/aria-pressed`)) === "true";
    }
    return false;
  });

  await wd("POST", `/session/${session}/element/${box}/value`, { text: "\uE00C" });
  await until("the cleared search", 5_000, async () => (await find(".search-hit")).length === 0);
  assert.equal(await wd("GET", `/session/${session}/element/${box}/property/value`), "");
});

// ---- settings: the interface language (issue #5) ----

test("switching the interface to Russian re-labels the app at once and is saved to the profile", async (t) => {
  const profileFile = join(config, "org.galley.desktop", "profile.toml");
  const textOf = async (css) => {
    const [element] = await find(css);
    return element ? text(element) : null;
  };
  const placeholder = async () => {
    const [box] = await find(".search-input");
    return box ? wd("GET", `/session/${session}/element/${box}/attribute/placeholder`) : null;
  };
  await click(".settings-gear");
  await until("the settings view", 10_000, async () => (await find(".settings")).length > 0);

  await click('.profile-language option[value="ru"]');
  await until("the Russian close button", 10_000, async () => (await textOf(".settings-close")) === "Закрыть");
  assert.equal(await placeholder(), "Поиск (Ctrl+K)", "the sidebar speaks Russian too");
  await until("the profile to remember Russian", 10_000, async () =>
    readFileSync(profileFile, "utf8").includes('ui_language = "ru"'),
  );
  await screenshot(t, "settings-ru");

  // Back to English for whatever runs next.
  await click('.profile-language option[value="en"]');
  await until("the English close button", 10_000, async () => (await textOf(".settings-close")) === "Close");
  await click(".settings-close");
});
