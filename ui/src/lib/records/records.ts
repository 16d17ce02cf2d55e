// How the team's records read: "done · Hanna · May 12, 2020, 2:03 PM" and the notice for a
// change that won over one made elsewhere at the same time. Only wording here: who won, and
// why, is the core's (the DTOs carry both sides).
import type { ConcurrentEditorial, ConcurrentLabel, ConcurrentStatus, EditorialState, LanguageState } from "../../ipc";
import { formatDateTime, t } from "../../i18n";
import { stateKey } from "../library";

export const editorialStateKey = {
  draft: "editorial_draft",
  "in-review": "editorial_in-review",
  approved: "editorial_approved",
} as const satisfies Record<EditorialState, string>;

/** "{state} · {who} · {when}", or the state alone when nobody set it yet. */
export function setByLine(state: string, by: string | null, at: string | null): string {
  if (by === null || at === null) return state;
  return t("setByLine", { state, who: by, when: formatDateTime(at) });
}

/** "{who} · {when}", or nothing when nobody set it yet. */
export function whoWhen(by: string | null, at: string | null): string | null {
  return by === null || at === null ? null : t("whoWhen", { who: by, when: formatDateTime(at) });
}

function notice(who: string, value: string, kept: string, keptValue: string): string {
  return t("concurrentNotice", { who, value, kept, keptValue });
}

export function statusNotice(c: ConcurrentStatus): string {
  const word = (state: LanguageState) => t(stateKey[state]);
  return notice(c.by, word(c.status), c.keptBy, word(c.kept));
}

export function editorialNotice(c: ConcurrentEditorial): string {
  const word = (state: EditorialState) => t(editorialStateKey[state]);
  return notice(c.by, word(c.status), c.keptBy, word(c.kept));
}

export function labelNotice(c: ConcurrentLabel): string {
  const word = (label: string | null) => label ?? t("labelNone");
  return notice(c.by, word(c.label), c.keptBy, word(c.kept));
}
