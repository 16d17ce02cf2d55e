// Work that can wait until the first screen is drawn. Loading a spell-checking dictionary takes
// the app's main thread a fifth of a second; on a two-core laptop, done while the window opens,
// it delays the first screen.
let markDrawn: () => void = () => {};

/** Settles once the app has drawn its first screen. */
export const firstScreenDrawn: Promise<void> = new Promise((resolve) => (markDrawn = resolve));

/** The shell calls this once, when the first screen is on display. */
export function firstScreenIsDrawn(): void {
  markDrawn();
}
