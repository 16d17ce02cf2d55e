// The shared harness of the end-to-end tests: the sample workspace read from its files, a temp
// copy of it, and `App`, one instance of the real desktop app driven through its own
// tauri-driver (raw WebDriver over HTTP, no client library). Every tests/e2e/*.test.mjs uses it.
// GALLEY_APP names the app binary (default: target/debug/galley-desktop).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const appBinary = resolve(process.env.GALLEY_APP ?? join(repo, "target/debug/galley-desktop"));
export const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** Polls `probe` every 100 ms until it returns something truthy; `gone()` names a reason to stop early. */
export async function until(what, deadlineMs, probe, gone = () => null) {
  const deadline = Date.now() + deadlineMs;
  let last;
  while (Date.now() < deadline) {
    const stopped = gone();
    if (stopped) throw new Error(`${stopped} while waiting for ${what}`);
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

// ---- the sample workspace, read from the files ----

// Top-level scalar fields only; enough to know each draft's id, title, lead and source.
// A block scalar (`lead: >` with indented lines) is folded into one line.
export function frontMatter(text) {
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

/** Every draft under `dir` with its path and front matter. */
export function sampleDrafts(dir = join(repo, "drafts"), prefix = "") {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".")) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sampleDrafts(path, `${prefix}${entry.name}/`);
    return entry.name.endsWith(".md") ? [{ path: `${prefix}${entry.name}`, ...frontMatter(readFileSync(path, "utf8")) }] : [];
  });
}

/** A temp copy of drafts/ whose team records start empty (the tests walk the workflow from the start). */
export function sampleWorkspace(name) {
  const workspace = mkdtempSync(join(tmpdir(), `galley-e2e-${name}-`));
  cpSync(join(repo, "drafts"), workspace, { recursive: true });
  rmSync(join(workspace, ".galley/journal"), { recursive: true, force: true });
  mkdirSync(join(workspace, ".galley/journal"));
  return workspace;
}

/** Types `text` with real key events (element "send keys" selects a contenteditable's whole
 * text in WebKit); "\n" is Enter. */
export function keyActions(text) {
  return [...text].flatMap((c) => {
    const value = c === "\n" ? "\uE007" : c;
    return [{ type: "keyDown", value }, { type: "keyUp", value }];
  });
}

export const CTRL = "\uE009";
export const END = "\uE010";

/** One instance of the app on `workspace`, with its own tauri-driver (on `port` and `port + 1`)
 * and its own config and data folders (profile, window state, recent list, the web view's
 * storage), so a run never reads or changes the user's or an earlier run's, and never hands
 * off to a Galley that is already running. */
export class App {
  constructor({ name, workspace, port = 4444, profile = {} }) {
    this.name = name;
    this.workspace = workspace;
    this.port = port;
    this.profile = { name, role: "editor", ui_language: "en", ...profile };
    this.gone = null;
  }

  get profileFile() {
    return join(this.config, "org.galley.desktop", "profile.toml");
  }

  async start() {
    assert.ok(existsSync(appBinary), `the app binary ${appBinary} exists (build it with cargo build --features custom-protocol first)`);
    this.config = mkdtempSync(join(tmpdir(), `galley-e2e-config-${this.name.replace(/\W+/g, "-")}-`));
    mkdirSync(dirname(this.profileFile));
    const toml = Object.entries(this.profile).map(([key, value]) => `${key} = ${JSON.stringify(value)}\n`);
    writeFileSync(this.profileFile, toml.join(""));
    this.driver = spawn("tauri-driver", ["--port", String(this.port), "--native-port", String(this.port + 1)], {
      // The web view's storage (remembered widths, folds) is per run too: XDG_DATA_HOME.
      env: {
        ...process.env,
        XDG_CONFIG_HOME: this.config,
        XDG_DATA_HOME: join(this.config, "data"),
        XDG_CACHE_HOME: join(this.config, "cache"),
        GALLEY_ALLOW_SECOND_INSTANCE: "1",
      },
      stdio: ["ignore", "inherit", "inherit"],
      detached: true, // its own process group, so the app and WebKitWebDriver go with it
    });
    this.driver.on("error", (error) => (this.gone = `could not start: ${error.message}; run scripts/setup`));
    this.driver.on("exit", (code, signal) => (this.gone ??= `exited with ${signal ?? code}`));
    await this.until("tauri-driver", 20_000, async () => (await fetch(`http://127.0.0.1:${this.port + 1}/status`)).ok);
    await this.until("tauri-driver's own port", 10_000, async () => (await fetch(`http://127.0.0.1:${this.port}/status`)).ok);
    const created = await this.wd("POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application: appBinary, args: ["--workspace", this.workspace] } } },
    });
    this.session = created.sessionId;
  }

  async stop() {
    if (this.session) await this.wd("DELETE", `/session/${this.session}`).catch(() => {});
    if (this.driver?.pid) {
      try {
        process.kill(-this.driver.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    if (this.config) rmSync(this.config, { recursive: true, force: true });
  }

  /** `until`, stopping at once when this instance's tauri-driver is gone. */
  until(what, deadlineMs, probe) {
    return until(what, deadlineMs, probe, () => (this.gone ? `${this.name}'s tauri-driver stopped (${this.gone})` : null));
  }

  async wd(method, path, body) {
    if (this.gone) throw new Error(`${this.name}'s tauri-driver stopped (${this.gone})`);
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000), // a hung driver fails the test instead of stalling CI
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json.value)}`);
    return json.value;
  }

  /** A path inside this instance's session. */
  s(path) {
    return `/session/${this.session}${path}`;
  }

  async find(css) {
    return (await this.wd("POST", this.s("/elements"), { using: "css selector", value: css })).map((e) => e[ELEMENT]);
  }

  text(element) {
    return this.wd("GET", this.s(`/element/${element}/text`));
  }

  attr(element, name) {
    return this.wd("GET", this.s(`/element/${element}/attribute/${name}`));
  }

  prop(element, name) {
    return this.wd("GET", this.s(`/element/${element}/property/${name}`));
  }

  /** The visible text of the first match of `css`, or "" when there is none. */
  async textOf(css) {
    const [element] = await this.find(css);
    return element ? this.text(element) : "";
  }

  /** Waits for `css` to be there, then clicks its first match. */
  async click(css) {
    const [element] = await this.until(`${css} in ${this.name}`, 10_000, async () => {
      const found = await this.find(css);
      return found.length > 0 ? found : null;
    });
    await this.clickElement(element);
  }

  clickElement(element) {
    return this.wd("POST", this.s(`/element/${element}/click`), {});
  }

  execute(script, args = []) {
    return this.wd("POST", this.s("/execute/sync"), { script, args });
  }

  /** Sends key actions (see `keyActions`), then releases every key. */
  async keys(actions) {
    await this.wd("POST", this.s("/actions"), { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.wd("DELETE", this.s("/actions"));
  }

  /** Types at the end of the focused element (Ctrl+End first). */
  typeAtEnd(text) {
    return this.keys([{ type: "keyDown", value: CTRL }, ...keyActions(END), { type: "keyUp", value: CTRL }, ...keyActions(text)]);
  }

  /** Resizes the window's web view to `width`×`height` CSS pixels (the outer window is sized to
   * make it so: decorations differ between window managers) and waits until it is. */
  async resize(width, height) {
    const inner = () => this.execute("return [window.innerWidth, window.innerHeight];");
    for (let attempt = 0; attempt < 3; attempt++) {
      const rect = await this.wd("GET", this.s("/window/rect"));
      const [w, h] = await inner();
      await this.wd("POST", this.s("/window/rect"), { width: rect.width + width - w, height: rect.height + height - h });
      const done = await this.until(`a ${width}×${height} window`, 5_000, async () => {
        const [nw, nh] = await inner();
        return nw !== w || nh !== h || (nw === width && nh === height) ? [nw, nh] : null;
      }).catch(() => null);
      if (done && done[0] === width && done[1] === height) return;
    }
    const [w, h] = await inner();
    assert.fail(`the window is ${w}×${h}, not ${width}×${height}`);
  }

  /** Saves a screenshot as `<name>.png` in GALLEY_SCREENSHOTS (a folder; `docs/screenshots`
   * when refreshing the README's pictures), else as target/e2e-<name>.png. For people to look
   * at, not an assertion: WebKit's snapshot is occasionally slow on a first launch, which must
   * not fail the run. */
  async screenshot(t, name) {
    const folder = process.env.GALLEY_SCREENSHOTS;
    const path = folder ? join(resolve(repo, folder), `${name}.png`) : join(repo, `target/e2e-${name}.png`);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, Buffer.from(await this.wd("GET", this.s("/screenshot")), "base64"));
      t.diagnostic(`screenshot: ${path}`);
    } catch (error) {
      t.diagnostic(`no screenshot: ${error.message}`);
    }
  }

  /** The library's badge of commentary `id` in `lang` (its `data-state`). */
  async badge(id, lang) {
    for (const b of await this.find(`button.commentary[data-id="${id}"] .badge`)) {
      if ((await this.text(b)).endsWith(lang)) return this.attr(b, "data-state");
    }
    return null;
  }

  async saveState() {
    const [e] = await this.find(".save-state");
    return e ? this.attr(e, "data-state") : null;
  }

  /** Opens commentary `id` from the library, in `lang`. */
  async openLanguage(id, lang) {
    const row = `button.commentary[data-id="${id}"]`;
    const [button] = await this.until(`${row} in ${this.name}`, 10_000, async () => ((await this.find(row)).length ? this.find(row) : null));
    // Low in a short window's library, a row is brought into view before it is clicked.
    await this.execute("arguments[0].scrollIntoView({ block: 'center' });", [{ [ELEMENT]: button }]);
    await this.clickElement(button);
    const switcher = await this.until(`the ${lang} switcher in ${this.name}`, 10_000, async () => {
      for (const b of await this.find(".switcher button")) if ((await this.text(b)) === lang) return b;
      return null;
    });
    await this.clickElement(switcher);
    await this.until(`${lang} open in ${this.name}`, 10_000, async () => {
      for (const b of await this.find(".switcher button[aria-pressed='true']")) if ((await this.text(b)) === lang) return true;
      return false;
    });
  }
}
