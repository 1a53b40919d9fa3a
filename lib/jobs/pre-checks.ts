import "server-only";
import { AppError } from "@/lib/errors";
import { isSwrError, walkPages, type SwrClient } from "@/lib/swr";
import { quoteNames, type CreateJobInput } from "@/lib/validation/jobs";

// What SWR must confirm before a job is written: the source tags exist (with their digests) and the target namespace takes writes.

export type PreCheckSwr = Pick<SwrClient, "listTags" | "showNamespace">;

// SWR's largest page; a 5,000-tag repository takes five calls, and the walk stops once every tag is found.
const TAG_PAGE = 1000;
const MAX_SOURCE_TAGS = 100_000;
/** Namespace permission needed to write (contract §8.3: 7 manage, 3 edit, 1 read). */
const EDIT_PERMISSION = 3;

function unprocessable(field: keyof CreateJobInput, message: string): AppError {
  return new AppError("unprocessable", message, { [field]: [message] });
}

/** Each requested tag's digest in the source repository; 422 naming the tags that are not there. */
export async function sourceDigests(
  input: CreateJobInput,
  swr: PreCheckSwr,
): Promise<Map<string, string | null>> {
  const { sourceRegion: region, sourceNamespace: namespace, sourceRepository: repository } = input;
  const wanted = new Set(input.tags);
  const found = new Map<string, string | null>();
  const pages = walkPages(
    (offset, limit) =>
      swr.listTags(region, namespace, repository, { offset, limit, orderColumn: "tag", orderType: "asc" }),
    { pageSize: TAG_PAGE, maxItems: MAX_SOURCE_TAGS },
  );
  try {
    for await (const page of pages) {
      for (const t of page.items) if (wanted.has(t.Tag)) found.set(t.Tag, t.digest || null);
      if (found.size === wanted.size) break;
    }
  } catch (error) {
    if (isSwrError(error) && error.status === 404) throw unprocessable("sourceRepository", error.message);
    throw error;
  }
  const missing = input.tags.filter((t) => !found.has(t));
  if (missing.length > 0) {
    const subject = missing.length === 1 ? "This tag does" : `These ${missing.length} tags do`;
    throw unprocessable(
      "tags",
      `${subject} not exist in ${region} ${namespace}/${repository}: ${quoteNames(missing)}.`,
    );
  }
  return found;
}

/** The target namespace exists in the target region and these credentials may write to it; 422 otherwise. */
export async function checkTargetNamespace(input: CreateJobInput, swr: PreCheckSwr): Promise<void> {
  const { targetRegion: region, targetNamespace: namespace } = input;
  let auth: number;
  try {
    auth = (await swr.showNamespace(region, namespace)).auth;
  } catch (error) {
    if (isSwrError(error) && error.status === 404)
      throw unprocessable("targetNamespace", `Namespace \`${namespace}\` does not exist in ${region}.`);
    throw error;
  }
  // 0 means SWR did not say; only a known read-only permission is refused here.
  if (auth > 0 && auth < EDIT_PERMISSION) {
    throw unprocessable(
      "targetNamespace",
      `Namespace \`${namespace}\` in ${region} is read-only for SWR Sync's credentials; syncing into it needs edit permission.`,
    );
  }
}

/** Both checks at once; a source problem is reported before a target one. */
export async function runPreChecks(
  input: CreateJobInput,
  swr: PreCheckSwr,
): Promise<Map<string, string | null>> {
  const [source, target] = await Promise.allSettled([
    sourceDigests(input, swr),
    checkTargetNamespace(input, swr),
  ]);
  if (source.status === "rejected") throw source.reason;
  if (target.status === "rejected") throw target.reason;
  return source.value;
}
