// Pure edits of the workspace settings form (the core checks the result when it is saved).
import type { SectionSettings, WorkspaceSettings } from "../../ipc";

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

/** A deep copy, so the form can be edited and compared with what was loaded. */
export function copyOf(settings: WorkspaceSettings): WorkspaceSettings {
  return {
    languages: [...settings.languages],
    sections: settings.sections.map((s) => ({ key: s.key, titles: { ...s.titles } })),
  };
}
