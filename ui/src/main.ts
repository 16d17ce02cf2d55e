performance.mark("galley:script");
import { mount } from "svelte";
import App from "./App.svelte";
import "./styles.css";

const target = document.getElementById("app");
if (target) {
  mount(App, { target });
  performance.mark("galley:mounted");
}
