// Invariant: only ui/src/ipc/ talks to Tauri. Every other module goes through it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const src = fileURLToPath(new URL("../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
  });
}

it("only ui/src/ipc imports @tauri-apps/api", () => {
  const files = sourceFiles(src);
  expect(files.length).toBeGreaterThan(3);
  const offenders = files
    .map((path) => relative(src, path).split(sep).join("/"))
    .filter((path) => !path.startsWith("ipc/"))
    .filter((path) => readFileSync(join(src, path), "utf8").includes("@tauri-apps/api"));
  expect(offenders).toEqual([]);
});
