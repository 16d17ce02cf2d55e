/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The desktop app embeds ui/dist (tauri.conf.json `build.frontendDist`); no dev server is used.
export default defineConfig({
  plugins: [svelte()],
  // Tests mount components (tests/settings.test.ts, under happy-dom): use Svelte's client build.
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK of current Debian/Ubuntu supports ES2022.
    target: "es2022",
    // The CSP forbids inline code: keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // One local bundle (CodeMirror is most of it), read from disk: no network to split for.
    chunkSizeWarningLimit: 1024,
  },
  test: {
    include: ["tests/**/*.test.ts"],
  },
});
