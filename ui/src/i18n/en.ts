// Every string the UI shows, in English. Russian and Belarusian catalogues will mirror these keys.
export const en = {
  appName: "Galley",
  libraryLabel: "Library",
  libraryEmpty: "No commentaries in this workspace yet.",
  noIssue: "No issue",
  noSection: "No section",
  untitled: "Untitled",
  loading: "Opening the workspace…",
  languagePresent: "{lang}: present",
  languageMissing: "{lang}: missing",
  commentaryLabel: "{title}, {languages}",
  languageSwitcher: "Language version",
  pickCommentary: "Pick a commentary in the library to read it.",
  trend: "Trend",
  authors: "Authors",
  noAuthors: "No authors yet",
  words: "{count} words",
  problemsHeading: "Some files could not be read",
  workspaceErrorHeading: "The workspace could not be opened",
  draftErrorHeading: "This draft could not be read",
  errorKind: "Reason: {kind}",
} as const;

export type MessageKey = keyof typeof en;
