import { z } from "zod";
import type { SearchParamsRecord } from "@/components/browse/url-state";
import { parseLeniently } from "@/components/browse/url-state";
import { COMPARE_OUTCOMES } from "@/lib/compare/classify";
import { compareScopeQuerySchema, type CompareScopeQuery, targetParam } from "@/lib/compare/schemas";
import { repositoryNameSchema } from "@/lib/swr/names";
import { type FieldMessages, zodFieldMessages } from "@/lib/validation/issue-messages";

// The compare page's whole state lives in its URL: what is compared (the API's own parameters) and how the results
// are viewed (filter, searches, sorting, the repository whose tags are open, its page). Reload or share restores it.

export const REPOSITORY_SORTS = ["name", "missing", "differs"] as const;
export const TAG_SORTS = ["name", "updated"] as const;
export type RepositorySortKey = (typeof REPOSITORY_SORTS)[number];
export type TagSortKey = (typeof TAG_SORTS)[number];

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const searchSchema = z.preprocess(emptyToUndefined, z.string().max(128).trim().optional());

const viewSchema = z.object({
  outcome: z.preprocess(emptyToUndefined, z.enum(COMPARE_OUTCOMES).optional()),
  /** A part of a repository name. */
  q: searchSchema,
  sort: z.enum(REPOSITORY_SORTS).default("name"),
  /** The repository whose tags are shown (the only one when the comparison is of one repository). */
  open: z.preprocess(emptyToUndefined, repositoryNameSchema.optional()),
  /** A part of a tag name, in the open repository. */
  tq: searchSchema,
  tagSort: z.enum(TAG_SORTS).default("name"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});
export type CompareView = z.output<typeof viewSchema>;
const VIEW_DEFAULTS: CompareView = viewSchema.parse({});

/** What the form shows: the URL's values as typed, valid or not. */
export interface CompareDraft {
  region: string;
  namespace: string;
  repository: string;
  targets: string[];
}

export interface CompareState {
  /** Null until the URL names a valid comparison. */
  comparison: CompareScopeQuery | null;
  /** Why the URL's comparison is not valid, by parameter, as messages; empty when it is (or when it names none). */
  problems: FieldMessages;
  draft: CompareDraft;
  view: CompareView;
}

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function parseCompareState(params: SearchParamsRecord): CompareState {
  const draft = { region: text(params.region), namespace: text(params.namespace), repository: text(params.repository), targets: list(params.target) };
  const view = parseLeniently(viewSchema, params) ?? VIEW_DEFAULTS;
  // A link that names only the source (a repository page's "Compare") fills the form in without complaining.
  const named = params.target !== undefined;
  const parsed = compareScopeQuerySchema.safeParse({ region: params.region, namespace: params.namespace, repository: params.repository, target: params.target });
  if (parsed.success) return { comparison: parsed.data, problems: {}, draft, view };
  return { comparison: null, problems: named ? zodFieldMessages(parsed.error) : {}, draft, view };
}

/** `/compare?…` for a comparison and a view, leaving out the view's defaults. */
export function compareHref(comparison: CompareScopeQuery | null, view: Partial<CompareView> = {}): string {
  const params = new URLSearchParams();
  if (comparison) {
    params.set("region", comparison.region);
    params.set("namespace", comparison.namespace);
    if (comparison.repository) params.set("repository", comparison.repository);
    for (const t of comparison.targets) params.append("target", targetParam(t, comparison.namespace));
  }
  const merged = { ...VIEW_DEFAULTS, ...view };
  for (const key of Object.keys(viewSchema.shape) as (keyof CompareView)[]) {
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
