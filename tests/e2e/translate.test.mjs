// End-to-end: the translation editor in the real desktop app, through WebDriver. A translator
// opens the ru translation beside its be source after the source's second paragraph changed,
// sees the source's word diff under it, edits the translation in place (saved by itself), says
// they are done with the paragraph (the row turns done; the journal records it for the team),
// and marks the translation up to date, with an Undo offered.
// Run under a display, e.g. by scripts/test:
//   xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/e2e/translate.test.mjs
// GALLEY_APP names the app binary (default: target/debug/galley-desktop).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { App, ELEMENT, sampleWorkspace } from "./harness.mjs";

const ID = "buxyr7237g";
const SOURCE = "2020-W21/key-rate-cut.be.md";
const TRANSLATION = "2020-W21/key-rate-cut.ru.md";
const OLD = "Рынак пакуль рэагуе стрымана.";
const NEW = "Рынак пакуль рэагуе стрымана, хоць аналітыкі чакалі мацнейшай рэакцыі.";
const TYPED = " Аналитики, впрочем, ждали более сильной реакции.";

// ---- fixture: one session of the app on a copy of drafts/ ----

let galley;
let session;
let workspace;

before(async () => {
  workspace = sampleWorkspace("translate");
  // The team's records start with one fact: the ru translation was done from the be text as it
  // is on disk now (its base).
  const base = createHash("sha256").update(readFileSync(join(workspace, SOURCE))).digest("hex");
  const done = {
    v: 1, id: "hanna-0e2e0002.1", clock: 1, at: "2020-05-15T10:00:00Z", author: "Hanna",
    kind: "translation", commentary: ID, lang: "ru", status: "done", source_lang: "be", base,
  };
  writeFileSync(join(workspace, ".galley/journal/hanna-0e2e0002.jsonl"), `${JSON.stringify(done)}\n`);
  galley = new App({ name: "E2E Translator", workspace, profile: { role: "translator" } });
  await galley.start();
  session = galley.session;
});

after(async () => {
  await galley?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const wd = (...args) => galley.wd(...args);
const until = (...args) => galley.until(...args);
const screenshot = (t, name) => galley.screenshot(t, name);
const find = (css) => galley.find(css);
const text = (element) => galley.text(element);
const attr = (element, name) => galley.attr(element, name);
const textOf = (css) => galley.textOf(css);
const click = (css) => galley.click(css);
const badgeOf = (lang) => galley.badge(ID, lang);
// For the pictures: the row in the middle of the window.
const scrollTo = async (css) => {
  const [element] = await find(css);
  await wd("POST", `/session/${session}/execute/sync`, { script: "arguments[0].scrollIntoView({block: 'center'})", args: [{ [ELEMENT]: element }] });
};
const onDisk = (path) => readFileSync(join(workspace, path), "utf8");
const journalLines = () =>
  readdirSync(join(workspace, ".galley/journal"))
    .filter((name) => name.endsWith(".jsonl"))
    .flatMap((name) => readFileSync(join(workspace, ".galley/journal", name), "utf8").split("\n"))
    .filter(Boolean)
    .map((line) => JSON.parse(line));

test("a source edit outdates the ru translation, which opens beside its source with the diff under the row", async (t) => {
  await until("the library", 20_000, async () => (await find(`button.commentary[data-id="${ID}"]`)).length > 0);
  await until("the ru badge to say done", 10_000, async () => (await badgeOf("ru")) === "done");
  // The source's author edits the second paragraph in another program.
  const source = onDisk(SOURCE);
  assert.ok(source.includes(OLD), "the sample holds the paragraph");
  writeFileSync(join(workspace, SOURCE), source.replace(OLD, NEW));
  await until("the ru badge to say outdated", 15_000, async () => (await badgeOf("ru")) === "outdated");

  await click(`button.commentary[data-id="${ID}"]`);
  const ru = await until("the ru switcher", 10_000, async () => {
    for (const b of await find(".switcher button")) if ((await text(b)) === "ru") return b;
    return null;
  });
  await wd("POST", `/session/${session}/element/${ru}/click`, {});
  await click(".translation-toggle");
  await until("the rows", 10_000, async () => (await find(".pair[data-row]")).length > 2);

  const headings = await Promise.all((await find(".pair-heading")).map(text));
  assert.deepEqual(headings, ["Source · be", "Translation · ru"]);
  const rows = await Promise.all((await find(".pair[data-row]")).map((r) => attr(r, "data-row")));
  assert.deepEqual(rows.slice(0, 3), ["title", "lead", "p0"]);
  // The status control says outdated; Mark up to date waits for the paragraph to be handled.
  const [select] = await find(".status-control");
  assert.equal(await wd("GET", `/session/${session}/element/${select}/property/value`), "outdated");
  assert.equal((await find(".mark-up-to-date")).length, 0);

  const outdated = await Promise.all((await find(".pair.outdated")).map((r) => attr(r, "data-row")));
  assert.deepEqual(outdated, ["p1"]);
  const inserted = await Promise.all((await find('.pair[data-row="p1"] .pair-diff ins')).map(text));
  assert.match(inserted.join(" "), /аналітыкі чакалі мацнейшай рэакцыі/);
  assert.match(await textOf(".source-changed"), /Source words since the base: \d+ changed, 0 new/);
  await scrollTo('.pair[data-row="p1"]');
  await screenshot(t, "translate-outdated");
});

test("Alt+Down jumps to the outdated row, and typing there saves the translation by itself", async (t) => {
  const key = (value) => [{ type: "keyDown", value }, { type: "keyUp", value }];
  const altDown = [{ type: "keyDown", value: "\uE00A" }, ...key("\uE015"), { type: "keyUp", value: "\uE00A" }];
  await wd("POST", `/session/${session}/actions`, { actions: [{ type: "key", id: "keyboard", actions: altDown }] });
  await wd("DELETE", `/session/${session}/actions`);
  await until("the outdated row to be current", 5_000, async () => {
    const [current] = await find(".pair.row-current");
    return current && (await attr(current, "data-row")) === "p1";
  });

  const [area] = await find('.pair[data-row="p1"] .pair-edit');
  await wd("POST", `/session/${session}/element/${area}/value`, { text: TYPED });
  await until("the edit on disk", 15_000, async () => onDisk(TRANSLATION).includes(TYPED.trim()));
  await until("the saved state", 10_000, async () => (await attr((await find(".save-state"))[0], "data-state")) === "saved");
  const translation = onDisk(TRANSLATION);
  assert.ok(translation.startsWith("---\n") && translation.includes("translation_of: be"), "the front matter stays");
  assert.ok(translation.includes("Решение, объявленное на этой неделе"), "the other paragraphs stay");
  await scrollTo('.pair[data-row="p1"]');
  await screenshot(t, "translate-edited");
});

test("done with the paragraph turns the row done, records it for the team, and offers Mark up to date", async (t) => {
  await click('.pair[data-row="p1"] .mark-handled');
  await until("the row to turn done", 10_000, async () => (await find('.pair[data-row="p1"] .pair-done')).length > 0);
  assert.equal((await find(".pair.outdated")).length, 0);
  assert.match(await textOf(".handled-count"), /1 of 1 changes handled/);
  const handled = journalLines().filter((e) => e.kind === "handled");
  assert.equal(handled.length, 1, "one handled record in this machine's journal");
  // The paragraph is one line in the sample: the line the edit went into.
  const paragraph = onDisk(SOURCE).split("\n").find((line) => line.includes(NEW));
  assert.equal(handled[0].sha256, createHash("sha256").update(paragraph).digest("hex"), "it names the source paragraph");
  await until("Mark up to date", 5_000, async () => (await find(".mark-up-to-date")).length > 0);
  await scrollTo('.pair[data-row="p1"]');
  await screenshot(t, "translate-handled");

  await click(".mark-up-to-date");
  await click(".confirm-yes");
  await until("the translation to say done", 10_000, async () => (await textOf(".translation-state")).startsWith("done"));
  await until("the ru badge to say done", 10_000, async () => (await badgeOf("ru")) === "done");
  assert.ok((await find(".toast-undo")).length > 0, "an Undo is offered");
  await screenshot(t, "translate-up-to-date");

  // Undo puts the old base back: outdated again, the paragraph still handled.
  await click(".toast-undo");
  await until("the translation to say outdated again", 10_000, async () => (await textOf(".translation-state")) === "outdated");
  await until("the ru badge to say outdated", 10_000, async () => (await badgeOf("ru")) === "outdated");
  assert.ok((await find('.pair[data-row="p1"] .pair-done')).length > 0, "the handled mark holds for the old base");
});
