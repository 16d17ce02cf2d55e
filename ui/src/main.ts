performance.mark("galley:script");
import { mount } from "svelte";
import App from "./App.svelte";
import "./styles.css";

// Before the first layout: which font stacks apply (see styles.css).
if (/Linux/.test(navigator.userAgent) && !/Android/.test(navigator.userAgent)) {
  document.documentElement.dataset.platform = "linux";
}

const target = document.getElementById("app");
if (target) {
  mount(App, { target });
  performance.mark("galley:mounted");
}
