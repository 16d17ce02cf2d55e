// The user's profile as the UI holds it: loaded at start (its UI language applied at once),
// saved through the core, and whether the first-launch prompt should ask for a name.
import { asErrorDto, getProfile, setProfile } from "../../ipc";
import type { ErrorDto, ProfileInput, ProfileView } from "../../ipc";
import { setUiLanguage } from "../../i18n";

export class ProfileState {
  view = $state<ProfileView | null>(null);
  error = $state<ErrorDto | null>(null);
  /** The prompt was dismissed with "Later" for this run of the app. */
  postponed = $state(false);

  /** The app should ask for a name (loaded, none given, not postponed). */
  readonly needsName = $derived(this.view !== null && this.view.name.trim() === "" && !this.postponed);

  /** Settles when the first load finished (either way). */
  loaded: Promise<void> = Promise.resolve();

  load(): Promise<void> {
    this.loaded = this.#load();
    return this.loaded;
  }

  async #load(): Promise<void> {
    try {
      this.view = await getProfile();
      this.error = null;
      setUiLanguage(this.view.uiLanguage);
    } catch (reason) {
      this.error = asErrorDto(reason);
    }
  }

  /** Saves and applies; rejects with the core's ErrorDto so the form can show it inline. */
  async save(input: ProfileInput): Promise<ProfileView> {
    const saved = await setProfile(input);
    this.view = saved;
    this.error = null;
    setUiLanguage(saved.uiLanguage);
    return saved;
  }
}
