// Views that are not on the first screen, fetched when first shown (and, once the first screen
// is drawn, in idle time): the library and the page appear without parsing their code first.
export const views = {
  board: () => import("../board/BoardPanel.svelte"),
  translation: () => import("../translation/TranslationPanel.svelte"),
  notes: () => import("../notes/NotesPanel.svelte"),
  settings: () => import("../settings/SettingsView.svelte"),
  trash: () => import("../actions/TrashView.svelte"),
  newCommentary: () => import("../actions/NewCommentaryDialog.svelte"),
  newIssue: () => import("../actions/NewIssueDialog.svelte"),
  commentaryAction: () => import("../actions/CommentaryActionDialog.svelte"),
  share: () => import("../sync/ShareDialog.svelte"),
};

/** Fetches every view ahead of need, so the first open of one waits for nothing. */
export function prefetchViews(): void {
  for (const load of Object.values(views)) void load().catch(() => {});
}
