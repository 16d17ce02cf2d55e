// The native menu's words come from the UI's catalogues (`menu_<id>`): the shell keeps only the
// English it starts with, so one set of catalogues serves the page and the menu bar alike.
import { MENU_LABEL_IDS, type MenuLabelId } from "../../ipc";
import { t, type MessageKey } from "../../i18n";

/** The catalogue key of a menu id (`open-recent` → `menu_open_recent`). */
export function menuKey(id: MenuLabelId): MessageKey {
  return `menu_${id.replaceAll("-", "_")}` as MessageKey;
}

/** Every menu label in the UI language as it is now (reading it makes an effect follow it). */
export function menuLabels(): Record<MenuLabelId, string> {
  return Object.fromEntries(MENU_LABEL_IDS.map((id) => [id, t(menuKey(id))])) as Record<MenuLabelId, string>;
}
