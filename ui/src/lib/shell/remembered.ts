// A yes/no the person chose (the preview open, the Details unfolded), kept between runs in
// localStorage; an unavailable storage means the default, and a choice not kept this time.

export function rememberedFlag(key: string, storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(key) === "1";
  } catch {
    return false;
  }
}

export function rememberFlag(key: string, value: boolean, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(key, value ? "1" : "0");
  } catch {
    // Not kept this time; the choice still applies until the app closes.
  }
}
