// What the New commentary and New issue dialogs suggest before the user types. Suggestions
// only: whether a week, title or section is acceptable is the core's rule, and its refusal is
// shown in the dialog.
import type { Commentary, SectionInfo } from "../../ipc";

/** The ISO week (`2020-W20`) that `date` falls in, by its UTC calendar day. */
export function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday decides the year
  const year = day.getUTCFullYear();
  const firstDay = Date.UTC(year, 0, 1);
  const week = Math.ceil(((day.getTime() - firstDay) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday of ISO week `week`, or null when the text is not of that shape. */
function mondayOf(week: string): Date | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (Number(match[2]) - 1) * 7);
  return monday;
}

/** The week after `week` (across year ends); null for text that is not a week. */
export function weekAfter(week: string): string | null {
  const monday = mondayOf(week);
  if (!monday) return null;
  monday.setUTCDate(monday.getUTCDate() + 7);
  return isoWeekOf(monday);
}

/** The weeks the library's commentaries name, newest first. */
export function libraryWeeks(commentaries: readonly Commentary[]): string[] {
  return [...new Set(commentaries.flatMap((c) => (c.issue ? [c.issue] : [])))].sort().reverse();
}

export interface NewCommentaryForm {
  title: string;
  lang: string;
  week: string;
  section: string;
}

/**
 * The New commentary form as it opens: the week it was asked from (the board's), else the
 * newest issue in the library, else this week; the first language and section of the settings.
 */
export function newCommentaryDefaults(
  commentaries: readonly Commentary[],
  languages: readonly string[],
  sections: readonly SectionInfo[],
  fromWeek: string | null,
  today: Date,
): NewCommentaryForm {
  return {
    title: "",
    lang: languages[0] ?? "",
    week: fromWeek ?? libraryWeeks(commentaries)[0] ?? isoWeekOf(today),
    section: sections[0]?.key ?? "",
  };
}

/** The week a New issue suggests: the one after the newest issue, else this week. */
export function newIssueDefault(commentaries: readonly Commentary[], today: Date): string {
  const newest = libraryWeeks(commentaries)[0];
  const thisWeek = isoWeekOf(today);
  const next = newest ? weekAfter(newest) : null;
  return next && next > thisWeek ? next : thisWeek;
}

/** What the form sends: an empty week or section means none. */
export function newCommentaryRequest(form: NewCommentaryForm): {
  title: string;
  lang: string;
  week: string | null;
  section: string | null;
} {
  const week = form.week.trim();
  return { title: form.title.trim(), lang: form.lang, week: week === "" ? null : week, section: form.section === "" ? null : form.section };
}
