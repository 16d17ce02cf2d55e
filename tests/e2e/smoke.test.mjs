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
const screenshotPath = join(repo, "target/e2e-screenshot.png");

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

  // Every row names each digest language as present or missing (the badges' accessible text).
  for (const source of sources) {
    const [row] = await find(`button.commentary[data-id="${source.id}"]`);
    assert.ok(row, `a row for ${source.id}`);
    const label = await wd("GET", `/session/${session}/element/${row}/attribute/aria-label`);
    for (const lang of ["be", "ru", "en"]) {
      const has = drafts.some((d) => d.id === source.id && d.lang === lang);
      assert.ok(label.includes(`${lang}: ${has ? "present" : "missing"}`), `${source.id}: ${label}`);
    }
  }

  const chosen = sources.find((d) => d.lead) ?? assert.fail("a sample draft has a lead");
  const [button] = await find(`button.commentary[data-id="${chosen.id}"]`);
  assert.ok(button, `a row for ${chosen.id}`);
  await wd("POST", `/session/${session}/element/${button}/click`, {});

  const lead = await until("the lead of the opened commentary", 10_000, async () => {
    const [element] = await find(".page .lead");
    return element ? text(element) : null;
  });
  assert.equal(lead, chosen.lead);

  // For people to look at, not an assertion: WebKit's snapshot is occasionally slow on a first
  // launch, which must not fail the run.
  try {
    const png = await wd("GET", `/session/${session}/screenshot`);
    writeFileSync(screenshotPath, Buffer.from(png, "base64"));
    t.diagnostic(`screenshot: ${screenshotPath}`);
  } catch (error) {
    t.diagnostic(`no screenshot: ${error.message}`);
  }
});
