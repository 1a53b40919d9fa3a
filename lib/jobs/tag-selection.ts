import "server-only";
import { type Message, msg } from "@/i18n/message";
import { AppError } from "@/lib/errors";
import { isSwrError, walkPages, type SwrClient } from "@/lib/swr";
import { compileTagPattern } from "./glob";
import { nameList, type RepositoryRequest, type TagSelector } from "./schemas";

// Which tags a request means in one repository: a list (each must exist), every tag, or a glob evaluated
// against the source's tag list now. One walk of the source serves both, and gives each tag's digest.

export type SelectionSwr = Pick<SwrClient, "listTags">;

// SWR's largest page: a 20,000-tag repository takes 20 calls.
const TAG_PAGE = 1000;
const MAX_SOURCE_TAGS = 200_000;

export interface SelectedTags {
  /** Tag → digest in the source, in name order. */
  digests: Map<string, string | null>;
  tags: string[];
}

function unprocessable(field: string, message: Message): AppError {
  return new AppError("unprocessable", message, { [field]: [message] });
}

/** A matcher for a tag pattern; AppError validation_failed naming the problem when it is not a usable glob. */
export function tagMatcher(pattern: string, field = "tagSelector"): (tag: string) => boolean {
  let re: RegExp;
  try {
    re = compileTagPattern(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("validation_failed", msg("errors.invalidFields"), { [`${field}.pattern`]: [msg("jobErrors.invalidPattern", { reason })] });
  }
  return (tag) => re.test(tag);
}

/** Too many tags for one job: what chose them, how many, and the most one job holds. */
function tooManyTags(selector: TagSelector | undefined, repository: string, count: number, maximum: number): Message {
  if (!selector) return msg("jobErrors.listTooMany", { count, maximum });
  if ("all" in selector) return msg("jobErrors.allTagsTooMany", { repository, count, maximum });
  return msg("jobErrors.patternTooMany", { pattern: selector.pattern, repository, count, maximum });
}

/** Where a problem of one repository of a request is reported: its field in the form the request came in. */
export interface RepositoryFields {
  repository: string;
  tags: string;
  tagSelector: string;
}

/** The field names of repository `index` in a request of this form. */
export function repositoryFields(single: boolean, index: number): RepositoryFields {
  if (single) return { repository: "sourceRepository", tags: "tags", tagSelector: "tagSelector" };
  const at = `repositories.${index}`;
  return { repository: `${at}.name`, tags: `${at}.tags`, tagSelector: `${at}.tagSelector` };
}

/** One repository's tags with their source digests; 404 for a missing repository, 422 for listed tags that are missing, 400 for a pattern matching nothing. */
export async function selectTags(
  source: { region: string; namespace: string },
  repo: RepositoryRequest,
  swr: SelectionSwr,
  maxTags: number,
  fields: RepositoryFields = repositoryFields(true, 0),
): Promise<SelectedTags> {
  const { region, namespace } = source;
  const repository = repo.name;
  const wanted = repo.tags ? new Set(repo.tags) : null;
  const matches = repo.tagSelector && "pattern" in repo.tagSelector ? tagMatcher(repo.tagSelector.pattern, fields.tagSelector) : () => true;
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
    // The namespace or the repository is not there: the request names something that does not exist.
    if (isSwrError(error) && error.status === 404) throw new AppError("not_found", error.msg, { [fields.repository]: [error.msg] });
    throw error;
  }
  if (repo.tags) {
    const missing = repo.tags.filter((t) => !found.has(t));
    if (missing.length > 0) {
      const what = msg("jobErrors.tagsMissing", { count: missing.length, region, repository: `${namespace}/${repository}`, names: nameList(missing) });
      throw unprocessable(fields.tags, what);
    }
  }
  const tags = repo.tags ?? [...found.keys()].sort();
  if (tags.length === 0 && repo.tagSelector) {
    const name = `${namespace}/${repository}`;
    const what =
      "pattern" in repo.tagSelector
        ? msg("jobErrors.patternMatchesNothing", { repository: name, pattern: repo.tagSelector.pattern })
        : msg("jobErrors.noTags", { repository: name, region });
    throw new AppError("validation_failed", what, { [fields.tagSelector]: [what] });
  }
  if (tags.length > maxTags) {
    const what = tooManyTags(repo.tagSelector, `${namespace}/${repository}`, tags.length, maxTags);
    throw new AppError("validation_failed", what, { [repo.tagSelector ? fields.tagSelector : fields.tags]: [what] });
  }
  return { digests: found, tags };
}
