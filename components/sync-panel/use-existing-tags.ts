"use client";

import { useQuery } from "@tanstack/react-query";
import { apiUrl, getJson } from "@/lib/query/api-client";
import { browseKeys } from "@/components/browse/query-keys";
import { existingTagsDtoSchema } from "@/lib/browse/dto";
import { MAX_EXISTING_TAGS_PER_REQUEST, type RepositoryRef } from "@/lib/validation/browse";

/** Above this many tags the panel does not ask (each slice of 200 makes the server read the whole target repository). */
export const MAX_EXISTING_CHECK = 1_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Which of `tags` already exist in the target repository; asked in slices so each URL stays short. */
export function useExistingTags(target: RepositoryRef | null, tags: readonly string[]) {
  return useQuery({
    queryKey: browseKeys.existingTags(target ?? { region: "", namespace: "", repository: "" }, tags),
    queryFn: async ({ signal }) => {
      if (!target) return [];
      const answers = await Promise.all(
        chunks(tags, MAX_EXISTING_TAGS_PER_REQUEST).map((slice) =>
          getJson(apiUrl("/api/tags/existing", { ...target, tag: slice }), existingTagsDtoSchema, signal),
        ),
      );
      return answers.flatMap((a) => a.existing);
    },
    enabled: target !== null && tags.length > 0,
  });
}
