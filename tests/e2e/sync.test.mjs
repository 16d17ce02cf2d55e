// End-to-end test of sharing through git: two instances of the real app (each its own
// tauri-driver, config folder and profile) on two clones of one bare repository. An edit and
// a status change made in one appear in the other after pressing Sync in both, and the Sync
// control says what waits to be sent before and "In sync" after.
// Run under a display, like smoke.test.mjs (scripts/test runs both):
//   xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/e2e/sync.test.mjs
// GALLEY_APP names the app binary, GALLEY_CLI the `galley` binary (both in target/debug).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App, appBinary, repo, until } from "./harness.mjs";

const cli = resolve(process.env.GALLEY_CLI ?? join(appBinary, "../galley"));

const EDITED = "2020-W21/key-rate-cut.en.md";
const EDITED_ID = "buxyr7237g";
// A translation that is not outdated in the sample, so its badge shows the status set.
const TRANSLATION = { id: "buxyr7237g", path: "2020-W21/key-rate-cut.ru.md" };

/** One app instance, with what this test asks of the Sync control. */
class Instance extends App {
  constructor(name, port, workspace) {
    super({ name, port, workspace });
  }

  /** The Sync control's state (`data-state`) and its word. */
  async syncControl() {
    const [control] = await this.find(".sync-control");
    if (!control) return null;
    const [word] = await this.find(".sync-control .sync-state");
    return { state: await this.attr(control, "data-state"), word: word ? await this.text(word) : "" };
  }

  async waitForSync(state, deadlineMs = 30_000) {
    return until(`${this.name}'s Sync control to say ${state}`, deadlineMs, async () => {
      const now = await this.syncControl();
      return now?.state === state ? now : null;
    });
  }
}

let dir;
let anna;
let boris;

before(async () => {
  assert.ok(existsSync(appBinary), `the app binary ${appBinary} exists (build it with cargo test or cargo build first)`);
  assert.ok(existsSync(cli), `the galley binary ${cli} exists (cargo build -p galley-cli)`);
  dir = mkdtempSync(join(tmpdir(), "galley-e2e-sync-"));
  const bare = join(dir, "team.git");
  execFileSync("git", ["init", "--quiet", "--bare", "-b", "main", bare]);
  // Anna shares a copy of the sample; Boris's workspace is a clone of it (both by the CLI).
  const first = join(dir, "anna");
  cpSync(join(repo, "drafts"), first, { recursive: true });
  const env = { ...process.env, GALLEY_AUTHOR: "Setup" };
  execFileSync(cli, ["--workspace", first, "sync", "--init", bare], { env, stdio: "ignore" });
  const second = join(dir, "boris");
  execFileSync(cli, ["--workspace", second, "sync", "--init", bare], { env, stdio: "ignore" });
  anna = new Instance("Anna", 4446, first);
  boris = new Instance("Boris", 4448, second);
  await anna.start();
  await boris.start();
});

after(async () => {
  await anna?.stop();
  await boris?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("an edit and a status change made in one app reach the other when both press Sync", async (t) => {
  // Both opened in sync (each synced on open, as the profile's default asks).
  for (const instance of [anna, boris]) {
    await until(`${instance.name}'s library`, 20_000, async () => (await instance.find("button.commentary")).length > 0);
    assert.equal((await instance.waitForSync("in-sync")).word, "In sync");
  }

  // Anna edits a draft and saves it...
  await anna.openLanguage(EDITED_ID, "en");
  await until("the editor", 10_000, async () => (await anna.find(".markdown-editor .cm-content")).length > 0);
  await anna.click(".markdown-editor .cm-line");
  await anna.typeAtEnd("\nSent through the shared repository.");
  await until("the unsaved state", 5_000, async () => (await anna.saveState()) === "unsaved");
  await anna.click(".save-now");
  await until("the saved state", 10_000, async () => (await anna.saveState()) === "saved");
  // ...and sets a translation's status.
  await anna.openLanguage(TRANSLATION.id, "ru");
  await anna.click(".translation-toggle");
  await until("the paragraph pairs", 10_000, async () => (await anna.find(".pair")).length > 0);
  const before = await boris.badge(TRANSLATION.id, "ru");
  const target = before === "in-review" ? "done" : "in-review";
  await anna.click(`.status-control option[value="${target}"]`);
  await until(`Anna's ru badge to say ${target}`, 10_000, async () => (await anna.badge(TRANSLATION.id, "ru")) === target).catch(
    async (error) => {
      await anna.screenshot(t, "sync-failed-status");
      throw error;
    },
  );

  // The control counts what waits (it reads the state again after each save and status change).
  const waiting = await anna.waitForSync("to-send", 15_000);
  assert.match(waiting.word, /^\d+ to send$/);
  await anna.screenshot(t, "sync-to-send");

  await anna.click(".sync-now");
  assert.equal((await anna.waitForSync("in-sync")).word, "In sync");
  await boris.click(".sync-now");
  assert.equal((await boris.waitForSync("in-sync")).word, "In sync");

  // Boris sees both: the badge in his library and the text in his editor.
  await until(`Boris's ru badge to say ${target}`, 15_000, async () => (await boris.badge(TRANSLATION.id, "ru")) === target);
  await boris.openLanguage(EDITED_ID, "en");
  await until("the edit in Boris's editor", 15_000, async () => {
    const [content] = await boris.find(".markdown-editor .cm-content");
    return content && (await boris.text(content)).includes("Sent through the shared repository.");
  });
  const onDisk = readFileSync(join(boris.workspace, EDITED), "utf8");
  assert.ok(onDisk.includes("Sent through the shared repository."), "the file in Boris's clone holds the edit");
  await boris.click(".sync-details");
  await until("Boris's panel", 5_000, async () => (await boris.find(".sync-panel")).length > 0);
  const [toggle] = await boris.find(".sync-details");
  assert.equal(await boris.attr(toggle, "aria-expanded"), "true");
  assert.match(await boris.text((await boris.find(".sync-panel"))[0]), /Sent 0, received \d+\./);
  await boris.screenshot(t, "sync-received");
});
