import type { SearchParamsRecord } from "@/components/browse/url-state";
import { intParam, isBlankParam, optionParam, searchParam } from "@/components/browse/url-state";
import { COMPARE_OUTCOMES, type CompareOutcome } from "@/lib/compare/classify";
import { checkCompareScope, type CompareProblems, type CompareScope, targetParam } from "@/lib/compare/scope";
import { isRepositoryName } from "@/lib/swr/name-rules";
import { MAX_PAGE } from "@/lib/validation/browse-options";

// The compare page's whole state lives in its URL: what is compared (the API's own parameters) and how the results
// are viewed (filter, searches, sorting, the repository whose tags are open, its page). Reload or share restores it.

export const REPOSITORY_SORTS = ["name", "missing", "differs"] as const;
export const TAG_SORTS = ["name", "updated"] as const;
export type RepositorySortKey = (typeof REPOSITORY_SORTS)[number];
export type TagSortKey = (typeof TAG_SORTS)[number];

export interface CompareView {
  outcome?: CompareOutcome;
  /** A part of a repository name. */
  q?: string;
  sort: RepositorySortKey;
  /** The repository whose tags are shown (the only one when the comparison is of one repository). */
  open?: string;
  /** A part of a tag name, in the open repository. */
  tq?: string;
  tagSort: TagSortKey;
  page: number;
}
/** The view's parameters in the order the address lists them. */
const VIEW_KEYS = ["outcome", "q", "sort", "open", "tq", "tagSort", "page"] as const satisfies readonly (keyof CompareView)[];
const VIEW_DEFAULTS: CompareView = { sort: "name", tagSort: "name", page: 1 };

/** The view the URL asks for; a value that does not fit falls back to its default. */
function parseView(params: SearchParamsRecord): CompareView {
  const open = params.open;
  return {
    outcome: optionParam(params.outcome, COMPARE_OUTCOMES),
    q: searchParam(params.q),
    sort: optionParam(params.sort, REPOSITORY_SORTS) ?? VIEW_DEFAULTS.sort,
    open: !isBlankParam(open) && typeof open === "string" && isRepositoryName(open) ? open : undefined,
    tq: searchParam(params.tq),
    tagSort: optionParam(params.tagSort, TAG_SORTS) ?? VIEW_DEFAULTS.tagSort,
    page: intParam(params.page, 1, MAX_PAGE) ?? VIEW_DEFAULTS.page,
  };
}

/** What the form shows: the URL's values as typed, valid or not. */
export interface CompareDraft {
  region: string;
  namespace: string;
  repository: string;
  targets: string[];
}

export interface CompareState {
  /** Null until the URL names a valid comparison. */
  comparison: CompareScope | null;
  /** Why the URL's comparison is not valid, by parameter; empty when it is (or when it names none). */
  problems: CompareProblems;
  draft: CompareDraft;
  view: CompareView;
}

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function parseCompareState(params: SearchParamsRecord): CompareState {
  const draft = { region: text(params.region), namespace: text(params.namespace), repository: text(params.repository), targets: list(params.target) };
  const view = parseView(params);
  // A link that names only the source (a repository page's "Compare") fills the form in without complaining.
  const named = params.target !== undefined;
  const checked = checkCompareScope({ region: params.region, namespace: params.namespace, repository: params.repository, target: params.target });
  if (checked.ok) return { comparison: checked.scope, problems: {}, draft, view };
  return { comparison: null, problems: named ? checked.problems : {}, draft, view };
}

/** `/compare?…` for a comparison and a view, leaving out the view's defaults. */
export function compareHref(comparison: CompareScope | null, view: Partial<CompareView> = {}): string {
  const params = new URLSearchParams();
  if (comparison) {
    params.set("region", comparison.region);
    params.set("namespace", comparison.namespace);
    if (comparison.repository) params.set("repository", comparison.repository);
    for (const t of comparison.targets) params.append("target", targetParam(t, comparison.namespace));
  }
  const merged = { ...VIEW_DEFAULTS, ...view };
  for (const key of VIEW_KEYS) {
    const value = merged[key];
    if (value === undefined || value === VIEW_DEFAULTS[key]) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/compare?${search}` : "/compare";
}

/** The form filled in with one repository as the source, for its page's "Compare" link; the person picks the targets. */
export function compareSourceHref(source: { region: string; namespace: string; repository: string }): string {
  return `/compare?${new URLSearchParams(source).toString()}`;
}
