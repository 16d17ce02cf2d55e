// Signals "loaded" the way Galley signals "ready": after the first frame is drawn.
window.addEventListener("load", () => {
  requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("ready", { at: performance.now() }));
});
