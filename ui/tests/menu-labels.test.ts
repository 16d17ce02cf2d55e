// The native menu's labels come from the UI's catalogues: every labelled part of the menu
// (MENU_LABEL_IDS, generated from src-tauri/menu.rs) has its message in every language.
import { afterEach, describe, expect, it } from "vitest";
import { MENU_LABEL_IDS } from "../src/ipc/bindings";
import { catalogues, setUiLanguage } from "../src/i18n";
import { menuKey, menuLabels } from "../src/lib/shell/menu";

afterEach(() => setUiLanguage("en"));

describe.each(Object.entries(catalogues))("the %s catalogue", (_name, catalogue) => {
  it("has a label for every menu id", () => {
    const missing = MENU_LABEL_IDS.filter((id) => !(catalogue[menuKey(id)] ?? "").trim());
    expect(missing).toEqual([]);
  });
});

describe("menuLabels", () => {
  it("names every menu id once, in the UI language", () => {
    setUiLanguage("ru");
    const labels = menuLabels();
    expect(Object.keys(labels).sort()).toEqual([...MENU_LABEL_IDS].sort());
    expect(labels.file).toBe("Файл");
    expect(labels.find).toBe("Найти…");
    setUiLanguage("be");
    expect(menuLabels()["select-all"]).toBe("Вылучыць усё");
  });

  it("translates each label rather than copying the English", () => {
    for (const id of MENU_LABEL_IDS) {
      expect(catalogues.ru[menuKey(id)], id).not.toBe(catalogues.en[menuKey(id)]);
      expect(catalogues.be[menuKey(id)], id).not.toBe(catalogues.en[menuKey(id)]);
    }
  });
});
