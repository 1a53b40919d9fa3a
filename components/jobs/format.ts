import type { useFormatter } from "next-intl";

// Times in the reader's locale, to the second (tags of one job land seconds apart).

type DateFormatter = Pick<ReturnType<typeof useFormatter>, "dateTime">;

export function formatDateTime(format: DateFormatter, iso: string | null | undefined): string {
  if (!iso) return "—";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "medium" });
}

/** `team-a/nginx`: how people name a repository inside a region. */
export const repositoryPath = (namespace: string, repository: string) => `${namespace}/${repository}`;
