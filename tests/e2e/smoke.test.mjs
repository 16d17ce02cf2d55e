// End-to-end smoke test of the real desktop app through WebDriver (tauri-driver + WebKitWebDriver).
// Run under a display, e.g. by scripts/test:
//   xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/e2e/smoke.test.mjs
// GALLEY_APP names the app binary (default: target/debug/galley-desktop).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const app = resolve(process.env.GALLEY_APP ?? join(repo, "target/debug/galley-desktop"));
const driverPort = 4444;
const nativePort = 4445;
const webdriver = `http://127.0.0.1:${driverPort}`;

// ---- the sample workspace, read from the files ----

// Top-level scalar fields only; enough to know each draft's id, title, lead and source.
// A block scalar (`lead: >` with indented lines) is folded into one line.
function frontMatter(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  const fields = {};
  let block = null;
  for (const line of (match?.[1] ?? "").split(/\r?\n/)) {
    const kv = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (kv) {
      const value = kv[2].trim();
      block = /^[>|][-+]?$/.test(value) ? kv[1] : null;
      fields[kv[1]] = block ? "" : value.replace(/^"(.*)"$|^'(.*)'$/, "$1$2");
    } else if (block && /^\s+\S/.test(line)) {
      fields[block] = `${fields[block]} ${line.trim()}`.trim();
    } else {
      block = null;
    }
  }
  return fields;
}

function sampleDrafts(dir, prefix = "") {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".")) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sampleDrafts(path, `${prefix}${entry.name}/`);
    return entry.name.endsWith(".md") ? [{ path: `${prefix}${entry.name}`, ...frontMatter(readFileSync(path, "utf8")) }] : [];
  });
}

// ---- raw WebDriver over HTTP ----

async function wd(method, path, body) {
  const response = await fetch(`${webdriver}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000), // a hung driver fails the test instead of stalling CI
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json.value)}`);
  return json.value;
}

async function until(what, deadlineMs, probe) {
  const deadline = Date.now() + deadlineMs;
  let last;
  while (Date.now() < deadline) {
    if (driverGone) throw new Error(`tauri-driver stopped (${driverGone}) while waiting for ${what}`);
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

// ---- fixture: tauri-driver, one session of the app on a copy of drafts/ ----

let driver;
let driverGone = null;
let session;
let workspace;

before(async () => {
  assert.ok(existsSync(app), `the app binary ${app} exists (build it with cargo test or cargo build first)`);
  workspace = mkdtempSync(join(tmpdir(), "galley-e2e-"));
  cpSync(join(repo, "drafts"), workspace, { recursive: true });

  driver = spawn("tauri-driver", ["--port", String(driverPort), "--native-port", String(nativePort)], {
    stdio: ["ignore", "inherit", "inherit"],
    // Never hand this test's app off to a Galley that is still running (single instance).
    env: { ...process.env, GALLEY_ALLOW_SECOND_INSTANCE: "1" },
    detached: true, // its own process group, so the app and WebKitWebDriver go with it
  });
  driver.on("error", (error) => (driverGone = `could not start: ${error.message}; run scripts/setup`));
  driver.on("exit", (code, signal) => (driverGone ??= `exited with ${signal ?? code}`));
  await until("tauri-driver", 20_000, async () => (await fetch(`http://127.0.0.1:${nativePort}/status`)).ok);
  await until("tauri-driver's own port", 10_000, async () => (await fetch(`${webdriver}/status`)).ok);

  const created = await wd("POST", "/session", {
    capabilities: {
      alwaysMatch: { "tauri:options": { application: app, args: ["--workspace", workspace] } },
    },
  });
  session = created.sessionId;
});

after(async () => {
  if (session) await wd("DELETE", `/session/${session}`).catch(() => {});
  if (driver?.pid) {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const screenshot = async (t, name) => {
  // For people to look at, not an assertion: WebKit's snapshot is occasionally slow on a first
  // launch, which must not fail the run.
  const path = join(repo, `target/e2e-${name}.png`);
  try {
    const png = await wd("GET", `/session/${session}/screenshot`);
    writeFileSync(path, Buffer.from(png, "base64"));
    t.diagnostic(`screenshot: ${path}`);
  } catch (error) {
    t.diagnostic(`no screenshot: ${error.message}`);
  }
};
const find = async (css) =>
  (await wd("POST", `/session/${session}/elements`, { using: "css selector", value: css })).map((e) => e[ELEMENT]);
const text = (element) => wd("GET", `/session/${session}/element/${element}/text`);

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
// Types at the caret of the focused element with real key events (element "send keys" selects
// a contenteditable's whole text in WebKit). `ctrlEnd` first moves the caret to the end.
const typeAtEnd = async (text) => {
  const key = (value) => [{ type: "keyDown", value }, { type: "keyUp", value }];
  const actions = [
    { type: "keyDown", value: "\uE009" },
    ...key("\uE010"),
    { type: "keyUp", value: "\uE009" },
    ...[...text].flatMap((c) => key(c === "\n" ? "\uE007" : c)),
  ];
  await wd("POST", `/session/${session}/actions`, { actions: [{ type: "key", id: "keyboard", actions }] });
  await wd("DELETE", `/session/${session}/actions`);
};
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
