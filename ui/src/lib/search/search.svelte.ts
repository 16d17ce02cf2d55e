// The sidebar's search box: what was typed and chosen, the core's hits, and which hit the
// keyboard is on. Searches run once typing pauses; only the newest answer is shown.
import { asErrorDto, searchDrafts } from "../../ipc";
import type { ErrorDto, SearchHitView, SearchQuery } from "../../ipc";

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 200;
/** Hits shown at most. */
export const SEARCH_LIMIT = 50;

/** Each filter as its control holds it: "" means any value. */
export type SearchFilters = {
  lang: string;
  issue: string;
  section: string;
  author: string;
  trend: string;
  status: string;
};

export const noFilters = (): SearchFilters => ({ lang: "", issue: "", section: "", author: "", trend: "", status: "" });

/** The request the core gets: empty controls become `null` (any value). */
export function searchRequest(query: string, filters: SearchFilters): SearchQuery {
  const set = (value: string): string | null => (value.trim() === "" ? null : value.trim());
  return {
    query: query.trim(),
    lang: set(filters.lang),
    issue: set(filters.issue),
    section: set(filters.section),
    author: set(filters.author),
    trend: set(filters.trend),
    status: set(filters.status),
    limit: SEARCH_LIMIT,
  };
}

export class SearchBox {
  query = $state("");
  filters = $state<SearchFilters>(noFilters());
  hits = $state<SearchHitView[]>([]);
  error = $state<ErrorDto | null>(null);
  /** The hit Enter opens (moved with the arrow keys). */
  active = $state(0);
  /** True once an answer came for the current query (to tell "no hits" from "not yet"). */
  answered = $state(false);

  #timer: ReturnType<typeof setTimeout> | null = null;
  #asked = 0;

  /** How many filters are set (shown on the filters' summary). */
  get filterCount(): number {
    return Object.values(this.filters).filter((v) => v.trim() !== "").length;
  }

  /** The query or a filter changed: search once typing pauses. */
  changed(): void {
    this.#clearTimer();
    this.answered = false;
    this.#timer = setTimeout(() => void this.run(), SEARCH_DEBOUNCE_MS);
  }

  /** Searches now. An empty query shows nothing (filters alone list no hits). */
  async run(): Promise<void> {
    this.#clearTimer();
    const ask = ++this.#asked;
    if (this.query.trim() === "") {
      this.hits = [];
      this.error = null;
      this.answered = false;
      return;
    }
    try {
      const hits = await searchDrafts(searchRequest(this.query, this.filters));
      if (ask !== this.#asked) return;
      this.hits = hits;
      this.error = null;
    } catch (reason) {
      if (ask !== this.#asked) return;
      this.hits = [];
      this.error = asErrorDto(reason);
    }
    this.active = 0;
    this.answered = true;
  }

  /** Esc: the query and its hits go; the filters stay for the next search. */
  clear(): void {
    this.#clearTimer();
    this.#asked += 1;
    this.query = "";
    this.hits = [];
    this.error = null;
    this.active = 0;
    this.answered = false;
  }

  /** Arrow keys: moves the active hit, wrapping around. */
  move(step: 1 | -1): void {
    const count = this.hits.length;
    if (count === 0) return;
    this.active = (this.active + step + count) % count;
  }

  get activeHit(): SearchHitView | null {
    return this.hits[this.active] ?? null;
  }

  dispose(): void {
    this.#clearTimer();
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
