// The side panes' widths: dragged or keyed by the person, kept between runs (localStorage).

export type Pane = "library" | "inspector";

export const PANE_DEFAULTS: Record<Pane, number> = { library: 260, inspector: 340 };
/** A window narrower than this starts with narrower panes, so the text keeps its room. */
const NARROW_WINDOW = 1200;
const NARROW_DEFAULTS: Record<Pane, number> = { library: 230, inspector: 280 };
const MIN = 200;
/** The page keeps at least this much room between the panes. */
const PAGE_MIN = 420;
const key = (pane: Pane) => `galley.paneWidth.${pane}`;

/** A width the window can hold: at least MIN, leaving the page and the other pane room. */
export function clampWidth(width: number, windowWidth: number, otherPane: number): number {
  const max = Math.max(MIN, windowWidth - otherPane - PAGE_MIN);
  return Math.round(Math.min(Math.max(width, MIN), max));
}

/** The width a pane starts at before the person chose one. */
export function defaultWidth(pane: Pane, windowWidth: number): number {
  return windowWidth < NARROW_WINDOW ? NARROW_DEFAULTS[pane] : PANE_DEFAULTS[pane];
}

export function storedWidth(
  pane: Pane,
  storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage,
  windowWidth: number = globalThis.innerWidth ?? Number.POSITIVE_INFINITY,
): number {
  try {
    const value = Number(storage?.getItem(key(pane)));
    return Number.isFinite(value) && value >= MIN ? value : defaultWidth(pane, windowWidth);
  } catch {
    return defaultWidth(pane, windowWidth); // storage unavailable: the default
  }
}

export function rememberWidth(
  pane: Pane,
  width: number,
  storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(key(pane), String(Math.round(width)));
  } catch {
    // Not kept this time; the width still applies until the app closes.
  }
}
