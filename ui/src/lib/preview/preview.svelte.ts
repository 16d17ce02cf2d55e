// The live preview of the open draft: its unsaved text rendered by the core's sanitizer,
// asked for once typing pauses. Only the newest answer is shown, so a slow render can never
// replace a newer one.
import { asErrorDto, renderPreview } from "../../ipc";
import type { ErrorDto, PreviewView } from "../../ipc";
import { rememberFlag, rememberedFlag } from "../shell/remembered";

/** How long typing must pause before the preview is rendered again. */
export const PREVIEW_DEBOUNCE_MS = 150;

export class LivePreview {
  view = $state<PreviewView | null>(null);
  error = $state<ErrorDto | null>(null);

  #timer: ReturnType<typeof setTimeout> | null = null;
  #asked = 0;

  /** The text changed: render it once typing has paused. */
  request(path: string, text: string): void {
    this.#clearTimer();
    this.#timer = setTimeout(() => void this.render(path, text), PREVIEW_DEBOUNCE_MS);
  }

  /** Renders now. */
  async render(path: string, text: string): Promise<void> {
    this.#clearTimer();
    const ask = ++this.#asked;
    try {
      const view = await renderPreview(path, text);
      if (ask !== this.#asked) return;
      this.view = view;
      this.error = null;
    } catch (reason) {
      // The last good preview stays; the error says what is wrong with the text.
      if (ask === this.#asked) this.error = asErrorDto(reason);
    }
  }

  dispose(): void {
    this.#clearTimer();
    this.#asked += 1;
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

const OPEN_KEY = "galley.preview.open";

/** Whether the preview pane was open when last used (remembered across launches; closed at first). */
export function previewWasOpen(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): boolean {
  return rememberedFlag(OPEN_KEY, storage);
}

export function rememberPreviewOpen(
  open: boolean,
  storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage,
): void {
  rememberFlag(OPEN_KEY, open, storage);
}
