import { App, sampleWorkspace } from "./harness.mjs";
const ws = sampleWorkspace("probe");
const g = new App({ name: "Probe", workspace: ws, profile: { ui_language: process.env.UI_LANG ?? "en" } });
const t = { diagnostic: console.log };
try {
  await g.start();
  await g.until("library", 20000, async () => (await g.find("button.commentary")).length > 0);
  for (const [w, h] of [[1024, 700], [1440, 900]]) {
    await g.resize(w, h);
    await g.openLanguage("buxyr7237g", "en");
    await g.until("editor", 10000, async () => (await g.find(".markdown-editor .cm-content")).length > 0);
    await g.screenshot(t, "", `/tmp/layout-shots/editor-${w}.png`);
    const [pt] = await g.find(".preview-toggle");
    if ((await g.attr(pt, "aria-pressed")) !== "true") await g.clickElement(pt);
    await g.until("preview", 10000, async () => (await g.find(".preview-body")).length > 0);
    await g.screenshot(t, "", `/tmp/layout-shots/preview-${w}.png`);
    await g.click(".preview-toggle");
    await g.click(".focus-toggle");
    await g.screenshot(t, "", `/tmp/layout-shots/focus-${w}.png`);
    await g.keys([{ type: "keyDown", value: "\uE00C" }, { type: "keyUp", value: "\uE00C" }]);
    await g.click('button.board-open[data-week="2020-W21"]');
    await g.until("board", 15000, async () => (await g.find(".board-row")).length >= 4);
    await g.screenshot(t, "", `/tmp/layout-shots/board-${w}.png`);
    await g.click(".board-close");
  }
} finally {
  await g.stop();
}
