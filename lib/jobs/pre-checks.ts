import "server-only";
import { AppError } from "@/lib/errors";
import { isSwrError, type SwrClient } from "@/lib/swr";
import type { CreateJobInput } from "./schemas";
import { selectTags, type SelectedTags } from "./tag-selection";

// What SWR must confirm before a job is written: the source tags exist (with their digests) and the target namespace takes writes.

export type PreCheckSwr = Pick<SwrClient, "listTags" | "showNamespace">;

/** Namespace permission needed to write (SWR: 7 manage, 3 edit, 1 read). */
const EDIT_PERMISSION = 3;

function unprocessable(field: keyof CreateJobInput, message: string): AppError {
  return new AppError("unprocessable", message, { [field]: [message] });
}

/** The target namespace exists in the target region and these credentials may write to it; 422 otherwise. */
export async function checkTargetNamespace(input: CreateJobInput, swr: PreCheckSwr): Promise<void> {
  const { targetRegion: region, targetNamespace: namespace } = input;
  let auth: number;
  try {
    auth = (await swr.showNamespace(region, namespace)).auth;
  } catch (error) {
    if (isSwrError(error) && error.status === 404) throw unprocessable("targetNamespace", `Namespace \`${namespace}\` does not exist in ${region}.`);
    throw error;
  }
  // 0 means SWR did not say; only a known read-only permission is refused here.
  if (auth > 0 && auth < EDIT_PERMISSION) {
    throw unprocessable("targetNamespace", `Namespace \`${namespace}\` in ${region} is read-only for SWR Sync's credentials; syncing into it needs edit permission.`);
  }
}

/** Both checks at once; a source problem is reported before a target one. */
export async function runPreChecks(input: CreateJobInput, swr: PreCheckSwr, maxTags: number): Promise<SelectedTags> {
  const [source, target] = await Promise.allSettled([selectTags(input, swr, maxTags), checkTargetNamespace(input, swr)]);
  if (source.status === "rejected") throw source.reason;
  if (target.status === "rejected") throw target.reason;
  return source.value;
}
