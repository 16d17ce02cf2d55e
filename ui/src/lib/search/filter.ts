// The sidebar's quick filter: commentaries whose title (in any language) contains the text.
import type { Commentary } from "../../ipc";

/** True when `filter` is empty or some title of `commentary` contains it, ignoring case. */
export function matchesTitle(commentary: Commentary, filter: string): boolean {
  const wanted = filter.trim().toLocaleLowerCase();
  if (wanted === "") return true;
  const titles = [commentary.title, ...commentary.versions.map((v) => v.title)];
  return titles.some((title) => title.toLocaleLowerCase().includes(wanted));
}
