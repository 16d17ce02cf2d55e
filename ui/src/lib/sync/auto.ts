// When the app syncs by itself. The core only syncs when told; the shell decides when: this
// timer runs a sync a while after the last save (each save starts the wait again).

/** How long after the last save an idle editor syncs. */
export const PAUSE_MS = 60_000;

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class PauseTimer {
  #handle: unknown = null;

  constructor(
    private readonly run: () => void,
    private readonly ms = PAUSE_MS,
    private readonly timers: Timers = realTimers,
  ) {}

  /** A save happened: sync when nothing else is saved for a while. */
  saved(): void {
    this.cancel();
    this.#handle = this.timers.set(() => {
      this.#handle = null;
      this.run();
    }, this.ms);
  }

  cancel(): void {
    if (this.#handle !== null) this.timers.clear(this.#handle);
    this.#handle = null;
  }
}
