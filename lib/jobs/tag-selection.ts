import "server-only";
import { AppError } from "@/lib/errors";
import { isSwrError, walkPages, type SwrClient } from "@/lib/swr";
import { compileTagPattern } from "./glob";
import { quoteNames, type CreateJobInput, type TagSelector } from "./schemas";

// Which tags a request means: a list (each must exist), every tag, or a glob evaluated against the
// source's tag list now. One walk of the source serves both, and gives each tag's digest.

export type SelectionSwr = Pick<SwrClient, "listTags">;

// SWR's largest page: a 20,000-tag repository takes 20 calls.
const TAG_PAGE = 1000;
const MAX_SOURCE_TAGS = 200_000;

export interface SelectedTags {
  /** Tag → digest in the source, in name order. */
  digests: Map<string, string | null>;
  tags: string[];
}

function unprocessable(field: string, message: string): AppError {
  return new AppError("unprocessable", message, { [field]: [message] });
}

/** A matcher for a tag pattern; AppError validation_failed naming the problem when it is not a usable glob. */
export function tagMatcher(pattern: string): (tag: string) => boolean {
  let re: RegExp;
  try {
    re = compileTagPattern(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("validation_failed", "The request body is not valid.", { "tagSelector.pattern": [`is not a valid pattern: ${reason}`] });
  }
  return (tag) => re.test(tag);
}

function describeSelector(s: TagSelector): string {
  return "all" in s ? "all tags" : `pattern \`${s.pattern}\``;
}

/** The tags of the request with their source digests; 422 for listed tags that are missing, 400 for a pattern matching nothing. */
export async function selectTags(input: CreateJobInput, swr: SelectionSwr, maxTags: number): Promise<SelectedTags> {
  const { sourceRegion: region, sourceNamespace: namespace, sourceRepository: repository } = input;
  const wanted = input.tags ? new Set(input.tags) : null;
  const matches = input.tagSelector && "pattern" in input.tagSelector ? tagMatcher(input.tagSelector.pattern) : () => true;
  const found = new Map<string, string | null>();
  const pages = walkPages((offset, limit) => swr.listTags(region, namespace, repository, { offset, limit, orderColumn: "tag", orderType: "asc" }), {
    pageSize: TAG_PAGE,
    maxItems: MAX_SOURCE_TAGS,
  });
  try {
    for await (const page of pages) {
      for (const t of page.items) if (wanted ? wanted.has(t.Tag) : matches(t.Tag)) found.set(t.Tag, t.digest || null);
      if (wanted && found.size === wanted.size) break;
    }
  } catch (error) {
    if (isSwrError(error) && error.status === 404) throw unprocessable("sourceRepository", error.message);
    throw error;
  }
  if (input.tags) {
    const missing = input.tags.filter((t) => !found.has(t));
    if (missing.length > 0) {
      const subject = missing.length === 1 ? "This tag does" : `These ${missing.length} tags do`;
      throw unprocessable("tags", `${subject} not exist in ${region} ${namespace}/${repository}: ${quoteNames(missing)}.`);
    }
  }
  const tags = input.tags ?? [...found.keys()].sort();
  if (tags.length === 0 && input.tagSelector) {
    const what = "pattern" in input.tagSelector ? `No tag of ${namespace}/${repository} matches \`${input.tagSelector.pattern}\`.` : `${namespace}/${repository} has no tags in ${region}.`;
    throw new AppError("validation_failed", what, { tagSelector: [what] });
  }
  if (tags.length > maxTags) {
    const what = `${input.tagSelector ? `${describeSelector(input.tagSelector)} of ${namespace}/${repository}` : "The request"} selects ${tags.length.toLocaleString("en")} tags; one job holds at most ${maxTags.toLocaleString("en")} (SYNC_MAX_TAGS_PER_JOB). Narrow it with a pattern.`;
    throw new AppError("validation_failed", what, { [input.tagSelector ? "tagSelector" : "tags"]: [what] });
  }
  return { digests: found, tags };
}
