// Versions grouped into editing sessions, so History reads like a person's work: autosaves a
// few minutes apart collapse into one row; anything worth seeing on its own stays alone.
import type { VersionInfo } from "../../ipc";

/** Saves closer together than this belong to one session. */
export const SESSION_GAP_MS = 5 * 60 * 1000;

/** One row of History: a lone version, or a session of saves (newest first). */
export interface Session {
  versions: VersionInfo[];
  /** Labelled, conflict, outside, found, imported, restored and synced versions stand alone. */
  alone: boolean;
}

/** A version that is always its own row: it marks something, or did not come from typing
 * here — a save signed by someone other than `me` arrived by sync. */
export function standsAlone(v: VersionInfo, me: string | null = null): boolean {
  return v.label !== null || v.origin !== "save" || (me !== null && v.author !== me);
}

/**
 * Groups `versions` (newest first, as the core lists them) into sessions. A save joins the
 * session above it when neither stands alone, the same person made both and they are at most
 * `gapMs` apart. `me` is whom this installation signs as; when it is not known, another
 * person's saves still never join this person's session.
 */
export function groupSessions(versions: VersionInfo[], me: string | null = null, gapMs: number = SESSION_GAP_MS): Session[] {
  const sessions: Session[] = [];
  let open: Session | null = null;
  for (const v of versions) {
    if (standsAlone(v, me)) {
      sessions.push({ versions: [v], alone: true });
      open = null;
      continue;
    }
    const last = open?.versions[open.versions.length - 1];
    if (open && last && last.author === v.author && Date.parse(last.at) - Date.parse(v.at) <= gapMs) {
      open.versions.push(v);
    } else {
      open = { versions: [v], alone: false };
      sessions.push(open);
    }
  }
  return sessions;
}
