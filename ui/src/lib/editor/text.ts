// Pure helpers for the editor: the file text is the front matter block followed by the body,
// exactly as on disk; the editor shows only the body.

/** The front matter block of `text` (everything before `body`, which ends it). */
export function frontBlock(text: string, body: string): string {
  return text.endsWith(body) ? text.slice(0, text.length - body.length) : text;
}

/** Minutes to read `words` at an unhurried 200 words a minute; at least 1 for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 200));
}

/** A comma-separated form value as a list (authors, tags). */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
