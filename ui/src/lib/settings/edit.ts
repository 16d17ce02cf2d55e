// Pure edits of the workspace settings form (the core checks the result when it is saved).
import type { PublicationSettings, SectionSettings, TrendSentences, WorkspaceSettings } from "../../ipc";

/** `list` with the item at `index` moved by `delta` places (unchanged at the ends). */
export function moved<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

export function withLanguage(settings: WorkspaceSettings, tag: string): WorkspaceSettings {
  const clean = tag.trim();
  if (clean === "" || settings.languages.includes(clean)) return settings;
  return { ...settings, languages: [...settings.languages, clean] };
}

export function withSection(settings: WorkspaceSettings, key: string): WorkspaceSettings {
  const clean = key.trim();
  if (clean === "" || settings.sections.some((s) => s.key === clean)) return settings;
  const section: SectionSettings = { key: clean, titles: {} };
  return { ...settings, sections: [...settings.sections, section] };
}

export function withTitle(settings: WorkspaceSettings, key: string, lang: string, title: string): WorkspaceSettings {
  return {
    ...settings,
    sections: settings.sections.map((s) => (s.key === key ? { ...s, titles: { ...s.titles, [lang]: title } } : s)),
  };
}

/** The publication's one-line texts the form edits directly. */
export type PublicationText = "publisher" | "baseUrl" | "copyright";

export function withPublicationText(settings: WorkspaceSettings, field: PublicationText, value: string): WorkspaceSettings {
  return { ...settings, publication: { ...settings.publication, [field]: value } };
}

export function withNewsletterTitle(settings: WorkspaceSettings, lang: string, title: string): WorkspaceSettings {
  const newsletterTitles = { ...settings.publication.newsletterTitles, [lang]: title };
  return { ...settings, publication: { ...settings.publication, newsletterTitles } };
}

const NO_SENTENCES: TrendSentences = { improved: "", unchanged: "", deteriorated: "" };

/** The sentence a language shows for one trend (blank: the trend's word). */
export function withTrendSentence(
  settings: WorkspaceSettings,
  lang: string,
  trend: keyof TrendSentences,
  text: string,
): WorkspaceSettings {
  const current = settings.publication.trendSentences[lang] ?? NO_SENTENCES;
  const trendSentences = { ...settings.publication.trendSentences, [lang]: { ...current, [trend]: text } };
  return { ...settings, publication: { ...settings.publication, trendSentences } };
}

function copyOfPublication(p: PublicationSettings): PublicationSettings {
  const trendSentences: Record<string, TrendSentences> = {};
  for (const [lang, sentences] of Object.entries(p.trendSentences)) trendSentences[lang] = { ...sentences };
  return { ...p, newsletterTitles: { ...p.newsletterTitles }, trendSentences };
}

/** A deep copy, so the form can be edited and compared with what was loaded. */
export function copyOf(settings: WorkspaceSettings): WorkspaceSettings {
  return {
    languages: [...settings.languages],
    sections: settings.sections.map((s) => ({ key: s.key, titles: { ...s.titles } })),
    publication: copyOfPublication(settings.publication),
  };
}
